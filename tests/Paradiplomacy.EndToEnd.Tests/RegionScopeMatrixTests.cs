using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>Every write method of every service, through the gateway, by callers who may not make it:
/// a Surabaya officer on Jakarta's records, and a partner key without write scopes. Each is refused
/// and nothing changes. A write method added to a contract without a row here fails the test.</summary>
[Collection(SystemCollection.Name)]
public class RegionScopeMatrixTests(SystemFixture fixture)
{
    private static Dictionary<string, Func<HttpRequestMessage>> Matrix(string jakartaAgreement, string jakartaProgram, (string Meeting, string Holiday, string Feed) meetings)
    {
        var today = DateTime.UtcNow;
        var date = new { year = today.Year, month = today.Month, day = today.Day };
        HttpRequestMessage Json(HttpMethod method, string path, object body) => new(method, path) { Content = JsonContent.Create(body) };
        return new()
        {
            ["CreateCity"] = () => Json(HttpMethod.Post, "/api/v1/cities", new { name = "Matrix Town", countryCode = "JP", level = "MUNICIPALITY", timeZone = "Asia/Tokyo" }),
            ["UpdateCityProfile"] = () => Json(HttpMethod.Patch, "/api/v1/cities/idn-31", new { profile = new { traits = new[] { "metropolitan" } }, updateMask = "traits" }),
            ["CreateAgreement"] = () => Json(HttpMethod.Post, "/api/v1/agreements", new
            {
                kind = "SISTER_CITY", title = "Jakarta–Casablanca", indonesianParty = new { cityId = "idn-31" }, foreignParties = new[] { new { cityId = "gn-2553604" } },
                fields = new[] { "culture" }, validityMonths = 60,
            }),
            ["RegisterExistingAgreement"] = () => Json(HttpMethod.Post, "/api/v1/agreements:registerExisting", new
            {
                agreement = new
                {
                    kind = "SISTER_CITY", title = "Jakarta–Casablanca", indonesianParty = new { cityId = "idn-31" }, foreignParties = new[] { new { cityId = "gn-2553604" } },
                    fields = new[] { "culture" }, validityMonths = 60,
                },
                instruments = new[]
                {
                    new
                    {
                        type = "MEMORANDUM_OF_UNDERSTANDING",
                        indonesianSignatory = new { name = "A", title = "Gubernur", signedOn = date, place = "Jakarta" },
                        foreignSignatory = new { name = "B", title = "Mayor", signedOn = date, place = "Jakarta" },
                    },
                },
                source = "Hijacked",
            }),
            ["UpdateAgreement"] = () => Json(HttpMethod.Patch, $"/api/v1/agreements/{jakartaAgreement}", new { agreement = new { title = "Hijacked" }, updateMask = "title" }),
            ["SubmitAgreement"] = () => Json(HttpMethod.Post, $"/api/v1/agreements/{jakartaAgreement}:submit", new { }),
            ["RecordClearance"] = () => Json(HttpMethod.Post, $"/api/v1/agreements/{jakartaAgreement}:recordClearance", new { kind = "DPRD_APPROVAL", decision = "APPROVED", referenceNumber = "X/1" }),
            ["SignAgreement"] = () => Json(HttpMethod.Post, $"/api/v1/agreements/{jakartaAgreement}:sign", new
            {
                instrument = "COOPERATION_AGREEMENT",
                indonesianSignatory = new { name = "A", title = "Gubernur", signedOn = date, place = "Jakarta" },
                foreignSignatory = new { name = "B", title = "Mayor", signedOn = date, place = "Jakarta" },
            }),
            ["RenewAgreement"] = () => Json(HttpMethod.Post, $"/api/v1/agreements/{jakartaAgreement}:renew", new { }),
            ["AmendAgreement"] = () => Json(HttpMethod.Post, $"/api/v1/agreements/{jakartaAgreement}:amend", new { }),
            ["WithdrawAgreement"] = () => Json(HttpMethod.Post, $"/api/v1/agreements/{jakartaAgreement}:withdraw", new { reason = "Hijacked" }),
            ["TerminateAgreement"] = () => Json(HttpMethod.Post, $"/api/v1/agreements/{jakartaAgreement}:terminate", new { reason = "Hijacked" }),
            ["CreateProgram"] = () => Json(HttpMethod.Post, "/api/v1/programs", new
            {
                agreementId = jakartaAgreement, type = "WORKING_VISIT", field = "culture", title = "Hijacked", indonesianLeadOffice = "A", foreignLeadOffice = "B",
                startDate = date, endDate = date, deliveryMode = "VIRTUAL",
            }),
            ["UpdateProgram"] = () => Json(HttpMethod.Patch, $"/api/v1/programs/{jakartaProgram}", new { program = new { title = "Hijacked" }, updateMask = "title" }),
            ["ApproveProgram"] = () => Json(HttpMethod.Post, $"/api/v1/programs/{jakartaProgram}:approve", new { }),
            ["StartProgram"] = () => Json(HttpMethod.Post, $"/api/v1/programs/{jakartaProgram}:start", new { }),
            ["PostponeProgram"] = () => Json(HttpMethod.Post, $"/api/v1/programs/{jakartaProgram}:postpone", new { reason = "Hijacked", newStartDate = date, newEndDate = date }),
            ["PivotProgram"] = () => Json(HttpMethod.Post, $"/api/v1/programs/{jakartaProgram}:pivot", new { deliveryMode = "HYBRID", reason = "Hijacked" }),
            ["CompleteProgram"] = () => Json(HttpMethod.Post, $"/api/v1/programs/{jakartaProgram}:complete", new { }),
            ["CancelProgram"] = () => Json(HttpMethod.Post, $"/api/v1/programs/{jakartaProgram}:cancel", new { reason = "Hijacked" }),
            ["AddMilestone"] = () => Json(HttpMethod.Post, $"/api/v1/programs/{jakartaProgram}/milestones", new { kind = "MILESTONE", title = "Hijacked", dueDate = date }),
            ["UpdateMilestone"] = () => Json(HttpMethod.Patch, $"/api/v1/programs/{jakartaProgram}/milestones/ms-any", new { status = "DONE" }),
            ["AddParticipant"] = () => Json(HttpMethod.Post, $"/api/v1/programs/{jakartaProgram}/participants", new
            {
                name = "Hijacked", role = "STUDENT", side = "INDONESIAN", gender = "FEMALE", ageBand = "AGE_18_TO_24", consent = new { purpose = "x", givenOn = date, method = "x" },
            }),
            ["WithdrawParticipantConsent"] = () => Json(HttpMethod.Post, $"/api/v1/programs/{jakartaProgram}/participants/par-any:withdrawConsent", new { }),
            ["AddIndicator"] = () => Json(HttpMethod.Post, $"/api/v1/programs/{jakartaProgram}/indicators", new { name = "Hijacked", level = "OUTPUT", unit = "people", target = 1 }),
            ["RecordIndicatorActual"] = () => Json(HttpMethod.Post, $"/api/v1/programs/{jakartaProgram}/indicators/ind-any/actuals", new
            {
                periodStart = date, periodEnd = date, value = 1, evidence = new[] { new { title = "x", uri = "https://example.org/x" } },
            }),
            ["SubmitEvaluation"] = () => Json(HttpMethod.Post, $"/api/v1/programs/{jakartaProgram}/evaluations", new { kind = "FINAL", rating = "SATISFACTORY", findings = "Hijacked", evaluator = "x" }),
            ["CreateFundingSource"] = () => Json(HttpMethod.Post, "/api/v1/funding/sources", new { kind = "REGIONAL_BUDGET", name = "APBD DKI (forged)", regionCode = "31", defaultCurrency = "IDR" }),
            ["SetExchangeRate"] = () => Json(HttpMethod.Post, "/api/v1/funding/exchangeRates", new { currency = "EUR", date, idrPerUnit = "1", source = "Hijacked" }),
            ["SetBudget"] = () => Json(HttpMethod.Put, $"/api/v1/funding/programs/{jakartaProgram}/budget", new
            {
                lines = new[] { new { category = "TRAVEL", fiscalYear = today.Year, amount = new { currencyCode = "IDR", units = "1" } } },
            }),
            ["ApproveBudget"] = () => Json(HttpMethod.Post, $"/api/v1/funding/programs/{jakartaProgram}/budget:approve", new { }),
            ["RecordCommitment"] = () => Json(HttpMethod.Post, $"/api/v1/funding/programs/{jakartaProgram}/commitments?requestId=matrix-1", new
            {
                sourceId = "src-apbn", amount = new { currencyCode = "IDR", units = "1000" },
            }),
            ["PlanTranche"] = () => Json(HttpMethod.Post, $"/api/v1/funding/programs/{jakartaProgram}/tranches?requestId=matrix-2", new
            {
                sourceId = "src-apbn", amount = new { currencyCode = "IDR", units = "1000" }, plannedDate = date,
            }),
            ["RequestDisbursement"] = () => Json(HttpMethod.Post, $"/api/v1/funding/programs/{jakartaProgram}/tranches/trn-any:request", new { }),
            ["ApproveDisbursement"] = () => Json(HttpMethod.Post, $"/api/v1/funding/programs/{jakartaProgram}/tranches/trn-any:approve", new { }),
            ["RejectDisbursement"] = () => Json(HttpMethod.Post, $"/api/v1/funding/programs/{jakartaProgram}/tranches/trn-any:reject", new { reason = "Hijacked" }),
            ["RecordDisbursementPaid"] = () => Json(HttpMethod.Post, $"/api/v1/funding/programs/{jakartaProgram}/tranches/trn-any:pay", new { paidOn = date, requestId = "matrix-3" }),
            ["RecordExpenditure"] = () => Json(HttpMethod.Post, $"/api/v1/funding/programs/{jakartaProgram}/expenditures?requestId=matrix-4", new
            {
                category = "TRAVEL", amount = new { currencyCode = "IDR", units = "1000" }, spentOn = date, description = "Hijacked",
            }),
            ["ApproveExpenditure"] = () => Json(HttpMethod.Post, $"/api/v1/funding/programs/{jakartaProgram}/expenditures/exp-any:approve", new { allowOverrun = true }),
            ["RejectExpenditure"] = () => Json(HttpMethod.Post, $"/api/v1/funding/programs/{jakartaProgram}/expenditures/exp-any:reject", new { reason = "Hijacked" }),
            ["ReverseTransaction"] = () => Json(HttpMethod.Post, $"/api/v1/funding/programs/{jakartaProgram}/transactions/txn-any:reverse", new { reason = "Hijacked", requestId = "matrix-5" }),
            ["AttachReceipt"] = () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/funding/programs/{jakartaProgram}/expenditures/exp-any/receipts?fileName=x.pdf")
                {
                    Content = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n")),
                };
                request.Content.Headers.ContentType = new("application/pdf");
                return request;
            },
            ["CreateMeeting"] = () => Json(HttpMethod.Post, "/api/v1/meetings",
                SystemFixture.MeetingBody(jakartaAgreement, "idn-31", "gn-745044", "Hijacked", "a@jakarta.go.id", "b@istanbul.gov.tr")),
            ["UpdateMeeting"] = () => Json(HttpMethod.Patch, $"/api/v1/meetings/{meetings.Meeting}", new { meeting = new { title = "Hijacked" }, updateMask = "title" }),
            ["RescheduleMeeting"] = () => Json(HttpMethod.Post, $"/api/v1/meetings/{meetings.Meeting}:reschedule", new
            {
                startTime = today.AddDays(9).ToString("yyyy-MM-dd'T'07:00:00'Z'", System.Globalization.CultureInfo.InvariantCulture),
                endTime = today.AddDays(9).ToString("yyyy-MM-dd'T'08:00:00'Z'", System.Globalization.CultureInfo.InvariantCulture), reason = "Hijacked",
            }),
            ["CancelMeeting"] = () => Json(HttpMethod.Post, $"/api/v1/meetings/{meetings.Meeting}:cancel", new { reason = "Hijacked" }),
            ["MoveOccurrence"] = () => Json(HttpMethod.Post, $"/api/v1/meetings/{meetings.Meeting}/occurrences/20300101T070000Z:move", new
            {
                startTime = "2030-01-02T07:00:00Z", endTime = "2030-01-02T08:00:00Z", reason = "Hijacked",
            }),
            ["CancelOccurrence"] = () => Json(HttpMethod.Post, $"/api/v1/meetings/{meetings.Meeting}/occurrences/20300101T070000Z:cancel", new { reason = "Hijacked" }),
            // Proposing times changes nothing: any officer may ask.
            ["FindMeetingTimes"] = () => Json(HttpMethod.Post, "/api/v1/meetings:findTimes", new { agreementId = jakartaAgreement, durationMinutes = 60 }),
            ["RecordAttendance"] = () => Json(HttpMethod.Post, $"/api/v1/meetings/{meetings.Meeting}/occurrences/20300101T070000Z:recordAttendance", new { guestsIndonesian = 3 }),
            ["SubmitMinutes"] = () => Json(HttpMethod.Post, $"/api/v1/meetings/{meetings.Meeting}/minutes", new
            {
                occurrenceId = "20300101T070000Z", text = new { texts = new Dictionary<string, string> { ["en"] = "Hijacked" } },
            }),
            ["ConfirmMinutes"] = () => Json(HttpMethod.Post, $"/api/v1/meetings/{meetings.Meeting}/minutes/min-any:confirm", new { }),
            ["AddActionItem"] = () => Json(HttpMethod.Post, $"/api/v1/meetings/{meetings.Meeting}/actionItems", new { title = "Hijacked", ownerParticipantId = "mp-any", dueDate = date }),
            ["UpdateActionItem"] = () => Json(HttpMethod.Patch, $"/api/v1/meetings/{meetings.Meeting}/actionItems/act-any", new { status = "DONE" }),
            ["JoinRoom"] = () => Json(HttpMethod.Post, $"/api/v1/meetings/{meetings.Meeting}/room:join", new { participantId = "mp-any" }),
            ["LeaveRoom"] = () => Json(HttpMethod.Post, $"/api/v1/meetings/{meetings.Meeting}/room:leave", new { participantId = "mp-any" }),
            ["CreateHoliday"] = () => Json(HttpMethod.Post, "/api/v1/meetings/holidays", new { countryCode = "ID", regionCode = "31", date, name = "Hijacked" }),
            ["DeleteHoliday"] = () => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/meetings/holidays/{meetings.Holiday}"),
            ["CreateCalendarFeed"] = () => Json(HttpMethod.Post, "/api/v1/meetings/feeds", new { regionCode = "31" }),
            ["RevokeCalendarFeed"] = () => Json(HttpMethod.Post, $"/api/v1/meetings/feeds/{meetings.Feed}:revoke", new { }),
            ["UploadDocument"] = () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agreements/{jakartaAgreement}/documents?title=MoU&language=id")
                {
                    Content = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n")),
                };
                request.Content.Headers.ContentType = new("application/pdf");
                return request;
            },
        };
    }

    [Fact]
    public async Task No_write_method_lets_a_Surabaya_officer_or_a_read_only_partner_key_change_anything()
    {
        var jakarta = await ActiveJakartaAgreementAsync();
        var program = await JakartaProgramAsync(jakarta);
        var meetings = await JakartaMeetingAsync(jakarta);
        var matrix = Matrix(jakarta, program, meetings);
        Assert.Equal(ContractMethods.Writes().Order(StringComparer.Ordinal), matrix.Keys.Order(StringComparer.Ordinal));
        var readOnlyKey = await ReadOnlyKeyAsync();
        // The registry records Istanbul among Jakarta's partners on its own time; wait, so that the
        // comparison below sees only what the refused calls could have changed.
        for (var i = 0; i < 100 && !(await GetFreshAsync("/api/v1/cities/idn-31")).Contains("gn-745044", StringComparison.Ordinal); i++)
        {
            await Task.Delay(200);
        }
        var before = await StateAsync(jakarta, program, meetings);

        var refusals = new List<string>();
        foreach (var (method, build) in matrix)
        {
            using var asSurabaya = build();
            asSurabaya.Headers.Authorization = new("Bearer", fixture.Token("regional-officer", "35.78"));
            using var officerResponse = await fixture.Gateway.SendAsync(asSurabaya);
            // Registering a government abroad is not Jakarta's record: any officer may do it.
            var expected = method is "CreateCity" or "FindMeetingTimes" ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            if (officerResponse.StatusCode != expected)
            {
                refusals.Add($"{method} as Surabaya officer: {(int)officerResponse.StatusCode} {await officerResponse.Content.ReadAsStringAsync()}");
            }

            using var asKey = build();
            asKey.Headers.Add("X-Api-Key", readOnlyKey);
            using var keyResponse = await fixture.Gateway.SendAsync(asKey);
            if (keyResponse.StatusCode != HttpStatusCode.Forbidden)
            {
                refusals.Add($"{method} with a read-only key: {(int)keyResponse.StatusCode}");
            }
        }

        Assert.Empty(refusals);
        Assert.Equal(before, await StateAsync(jakarta, program, meetings));
    }

    private async Task<string> ActiveJakartaAgreementAsync()
    {
        var officer = fixture.Token("regional-officer", "31");
        async Task<JsonElement> Post(string path, string token, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await fixture.Gateway.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{path}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        var draft = await Post("/api/v1/agreements", officer, new
        {
            kind = "SISTER_CITY", title = "Jakarta–Istanbul", indonesianParty = new { cityId = "idn-31" }, foreignParties = new[] { new { cityId = "gn-745044" } },
            fields = new[] { "culture", "trade" }, objectives = "Trade and culture", mechanisms = "Delegations", validityMonths = 60,
        });
        var id = draft.GetProperty("id").GetString()!;
        await Post($"/api/v1/agreements/{id}:submit", officer, new { });
        await Post($"/api/v1/agreements/{id}:recordClearance", officer, new { kind = "DPRD_APPROVAL", decision = "APPROVED", referenceNumber = "DPRD/31/1" });
        await Post($"/api/v1/agreements/{id}:recordClearance", fixture.Token("ministry-reviewer", ministry: "kemendagri"), new { kind = "KEMENDAGRI_CLEARANCE", decision = "APPROVED", referenceNumber = "KDN/1" });
        await Post($"/api/v1/agreements/{id}:recordClearance", fixture.Token("ministry-reviewer", ministry: "kemlu"), new { kind = "KEMLU_CONSIDERATION", decision = "APPROVED", referenceNumber = "KLU/1" });
        var today = DateTime.UtcNow;
        var date = new { year = today.Year, month = today.Month, day = today.Day };
        await Post($"/api/v1/agreements/{id}:sign", officer, new
        {
            instrument = "MEMORANDUM_OF_UNDERSTANDING",
            indonesianSignatory = new { name = "Gubernur DKI", title = "Gubernur", signedOn = date, place = "Jakarta" },
            foreignSignatory = new { name = "Mayor of Istanbul", title = "Mayor", signedOn = date, place = "Jakarta" },
        });
        return id;
    }

    private async Task<string> ReadOnlyKeyAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/apiKeys")
        {
            Content = JsonContent.Create(new { owner = "Read-only partner", role = "partner", region = "gn-2644210", scopes = new[] { "registry:read", "agreements:read" } }),
        };
        request.Headers.Authorization = new("Bearer", fixture.Token("operator"));
        using var response = await fixture.Gateway.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;
    }

    private async Task<(string AgreementEtag, int Documents, string JakartaEtag, string ProgramEtag, int Programs, string FundingEtag, int Sources, string Meetings)> StateAsync(
        string agreementId, string programId, (string Meeting, string Holiday, string Feed) meetings)
    {
        using var meeting = JsonDocument.Parse(await GetFreshAsync($"/api/v1/meetings/{meetings.Meeting}"));
        using var listed = JsonDocument.Parse(await GetFreshAsync($"/api/v1/meetings?filter=agreement%20%3D%20%22{agreementId}%22"));
        var holidays = await GetFreshAsync("/api/v1/meetings/holidays?filter=region%20%3D%20%2231%22&pageSize=100");
        var feedWorks = await GetFreshAsync(meetings.Feed.Length == 0 ? "/" : FeedPath);
        var meetingState = $"{meeting.RootElement.GetProperty("etag").GetString()} of {listed.RootElement.GetProperty("meetings").GetArrayLength()} meetings, "
                           + $"holiday {(holidays.Contains(meetings.Holiday, StringComparison.Ordinal) ? "kept" : "gone")}, "
                           + $"{(JsonDocument.Parse(holidays).RootElement.TryGetProperty("holidays", out var days) ? days.GetArrayLength() : 0)} holidays, feed {(feedWorks.StartsWith("BEGIN:VCALENDAR", StringComparison.Ordinal) ? "works" : "revoked")}";
        using var funding = JsonDocument.Parse(await GetFreshAsync($"/api/v1/funding/programs/{programId}"));
        using var sources = JsonDocument.Parse(await GetFreshAsync("/api/v1/funding/sources?filter=region%20%3D%20%2231%22"));
        using var agreement = JsonDocument.Parse(await GetFreshAsync($"/api/v1/agreements/{agreementId}"));
        using var jakarta = JsonDocument.Parse(await GetFreshAsync("/api/v1/cities/idn-31"));
        using var program = JsonDocument.Parse(await GetFreshAsync($"/api/v1/programs/{programId}"));
        using var programs = JsonDocument.Parse(await GetFreshAsync($"/api/v1/programs?filter=agreement%20%3D%20%22{agreementId}%22"));
        return (agreement.RootElement.GetProperty("etag").GetString()!, agreement.RootElement.GetProperty("documents").GetArrayLength(),
            jakarta.RootElement.GetProperty("etag").GetString()!, program.RootElement.GetProperty("etag").GetString()!,
            programs.RootElement.GetProperty("totalSize").GetInt32(), funding.RootElement.GetProperty("etag").GetString()!,
            sources.RootElement.GetProperty("totalSize").GetInt32(), meetingState);
    }

    private string FeedPath { get; set; } = string.Empty;

    /// <summary>A Jakarta–Istanbul meeting, a Jakarta holiday and a feed of region 31's meetings, made by Jakarta's officer.</summary>
    private async Task<(string Meeting, string Holiday, string Feed)> JakartaMeetingAsync(string agreementId)
    {
        var token = fixture.Token("regional-officer", "31");
        var meeting = await fixture.ScheduleMeetingAsync(token, SystemFixture.MeetingBody(agreementId, "idn-31", "gn-745044", "Jakarta–Istanbul trade talks", "dinas@jakarta.go.id", "trade@istanbul.gov.tr"));
        var day = DateTime.UtcNow.AddDays(50);
        var holiday = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Post, $"/api/v1/meetings/holidays?requestId={Guid.NewGuid():N}", token,
            new { countryCode = "ID", regionCode = "31", date = new { year = day.Year, month = day.Month, day = day.Day }, name = "Cuti bersama DKI (matrix)" }));
        var feed = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Post, "/api/v1/meetings/feeds", token, new { regionCode = "31" }));
        FeedPath = new Uri(feed.RootElement.GetProperty("url").GetString()!).PathAndQuery;
        return (meeting.GetProperty("id").GetString()!, holiday.RootElement.GetProperty("id").GetString()!, feed.RootElement.GetProperty("id").GetString()!);
    }

    /// <summary>A planned program of Jakarta's under the agreement, once the programs service has heard the agreement is in effect.</summary>
    private async Task<string> JakartaProgramAsync(string agreementId)
    {
        var today = DateTime.UtcNow;
        var date = new { year = today.Year, month = today.Month, day = today.Day };
        var program = await fixture.PostProgramsAsync("/api/v1/programs", fixture.Token("regional-officer", "31"), new
        {
            agreementId, type = "ARTIST_EXCHANGE", field = "culture", title = "Jakarta–Istanbul artists", indonesianLeadOffice = "Dinas Kebudayaan DKI",
            foreignLeadOffice = "Istanbul Culture Directorate", startDate = date, endDate = date, deliveryMode = "IN_PERSON", location = "Istanbul",
        });
        var id = program.GetProperty("id").GetString()!;
        // Its money, opened by Jakarta's officer: a draft budget.
        using var budget = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/funding/programs/{id}/budget")
        {
            Content = JsonContent.Create(new { lines = new[] { new { category = "TRAVEL", fiscalYear = today.Year, amount = new { currencyCode = "IDR", units = "25000000" } } } }),
        };
        budget.Headers.Authorization = new("Bearer", fixture.Token("regional-officer", "31"));
        using var opened = await fixture.Gateway.SendAsync(budget);
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>As Jakarta's own officer, who sees its agreements whole (documents included) and past the public cache.</summary>
    private async Task<string> GetFreshAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", fixture.Token("regional-officer", "31"));
        using var response = await fixture.Gateway.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
