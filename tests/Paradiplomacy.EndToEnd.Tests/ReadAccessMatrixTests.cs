using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>Every read method of every service, through the gateway, by each audience: anonymous (open
/// data), the region's own officer, another region's officer, a ministry reviewer, a partner key of a
/// party and a partner key of another city. Drafts, contacts, audit and documents reach only those
/// with the right to them; a caller who may not know a draft exists gets 404. A read method added to
/// a contract without a row here fails the test.</summary>
[Collection(SystemCollection.Name)]
public class ReadAccessMatrixTests(SystemFixture fixture)
{
    private const string Hanoi = "gn-1581130";
    private const string London = "gn-2643743";

    private static readonly string[] Audiences = ["anonymous", "own officer", "other officer", "ministry", "party key", "other key"];

    [Fact]
    public async Task Every_read_method_serves_each_audience_what_it_may_see_and_nothing_more()
    {
        var setup = await JakartaHanoiAsync();
        var programs = await ProgramsAsync(setup.Active);
        var money = await FundingAsync(programs);
        var meeting = await MeetingAsync(setup.Active);
        var callers = new Dictionary<string, Action<HttpRequestMessage>>
        {
            ["anonymous"] = _ => { },
            ["own officer"] = Bearer(fixture.Token("regional-officer", "31")),
            ["other officer"] = Bearer(fixture.Token("regional-officer", "35.78")),
            ["ministry"] = Bearer(fixture.Token("ministry-reviewer", ministry: "kemendagri")),
            ["party key"] = Key(await PartnerKeyAsync(Hanoi)),
            ["other key"] = Key(await PartnerKeyAsync(London)),
        };

        // For each read method: what each audience observes, and what it must observe.
        var matrix = new Dictionary<string, (Func<Action<HttpRequestMessage>, Task<string>> Observe, string[] Expected)>
        {
            ["GetAgreement"] = (async sign => $"draft {await AgreementAsync(setup.Draft, sign)}, active {await AgreementAsync(setup.Active, sign)}",
                ["draft 404, active public", "draft full, active full", "draft 404, active public", "draft full, active full",
                 "draft full, active full", "draft 404, active public"]),
            ["ListAgreements"] = (async sign => await ListAsync(setup, sign),
                ["active public", "draft full, active full", "active public", "draft full, active full", "draft full, active full", "active public"]),
            ["GetAgreementHistory"] = (async sign => $"draft {await HistoryAsync(setup.Draft, sign)}, active {await HistoryAsync(setup.Active, sign)}",
                ["draft 404, active 1 version public, no audit", "draft 1 version full, audit, active 1 version full, audit",
                 "draft 404, active 1 version public, no audit", "draft 1 version full, audit, active 1 version full, audit",
                 "draft 1 version full, no audit, active 1 version full, no audit", "draft 404, active 1 version public, no audit"]),
            ["DownloadDocument"] = (async sign => await StatusAsync($"/api/v1/agreements/{setup.Active}/documents/{setup.Document}:download", sign),
                ["404", "200", "404", "200", "200", "404"]),
            ["CountActivePartnerships"] = (async sign => await StatusAsync("/api/v1/agreements:countActive?region=31", sign),
                ["200", "200", "200", "200", "200", "200"]),
            ["GetCity"] = (async sign => await CityAsync("/api/v1/cities/idn-31", sign),
                ["200 without coordinator", "200 with coordinator", "200 with coordinator", "200 with coordinator", "200 with coordinator", "200 with coordinator"]),
            ["ListCities"] = (async sign => await CityAsync("/api/v1/cities?query=jakarta&filter=country%20%3D%20%22ID%22", sign),
                ["200 without coordinator", "200 with coordinator", "200 with coordinator", "200 with coordinator", "200 with coordinator", "200 with coordinator"]),
            // A prefecture that shares Jakarta's fields is suggested Indonesia's provinces, Jakarta first.
            ["GetProgram"] = (async sign => $"planned {await StatusAsync($"/api/v1/programs/{programs.Planned}", sign)}, approved {await ProgramAsync(programs.Approved, sign)}",
                ["planned 404, approved without evidence", "planned 200, approved with evidence", "planned 404, approved without evidence",
                 "planned 200, approved with evidence", "planned 200, approved with evidence", "planned 404, approved without evidence"]),
            ["ListPrograms"] = (async sign => await ListedAsync($"/api/v1/programs?filter=agreement%20%3D%20%22{setup.Active}%22", "programs", "id", programs, sign),
                ["approved", "planned, approved", "approved", "planned, approved", "planned, approved", "approved"]),
            ["ListOverdueMilestones"] = (async sign => await ListedAsync("/api/v1/programs:overdueMilestones?filter=region%20%3D%20%2231%22&pageSize=100", "milestones", "programId", programs, sign),
                ["approved", "planned, approved", "approved", "planned, approved", "planned, approved", "approved"]),
            // Personal data and the audit trail: the region's officers and the ministries only.
            ["ListParticipants"] = (async sign => await StatusAsync($"/api/v1/programs/{programs.Approved}/participants", sign),
                ["403", "200", "403", "200", "403", "403"]),
            ["GetProgramHistory"] = (async sign => await StatusAsync($"/api/v1/programs/{programs.Approved}/history", sign),
                ["403", "200", "403", "200", "403", "403"]),
            // Reports count and sum; they name no one. A plan counts only for those who may know of it.
            ["GetProgramReport"] = (async sign => await ReportAsync($"/api/v1/programs:report?agreementId={setup.Active}", sign),
                ["1 programs, 1 participants", "2 programs, 1 participants", "1 programs, 1 participants", "2 programs, 1 participants", "2 programs, 1 participants", "1 programs, 1 participants"]),
            ["GetPartnershipHealth"] = (async sign => await StatusAsync($"/api/v1/programs/health/{setup.Active}", sign),
                ["200", "200", "200", "200", "200", "200"]),
            ["ListPartnershipHealth"] = (async sign => (await GetAsync("/api/v1/programs/health?filter=region%20%3D%20%2231%22&pageSize=100", sign)).Contains(setup.Active, StringComparison.Ordinal) ? "listed" : "not listed",
                ["listed", "listed", "listed", "listed", "listed", "listed"]),
            ["GetRenewalEvidence"] = (async sign => (await GetAsync($"/api/v1/programs/renewalEvidence/{setup.Active}", sign)).Contains(programs.Approved, StringComparison.Ordinal) ? "approved counted" : "not counted",
                ["approved counted", "approved counted", "approved counted", "approved counted", "approved counted", "approved counted"]),
            ["GetSdgRollup"] = (async sign => (await GetAsync($"/api/v1/programs:sdgRollup?sdgTarget=11.3&year={DateTime.UtcNow.Year}&level=REGION", sign)).Contains(programs.Approved, StringComparison.Ordinal) ? "approved summed" : "not summed",
                ["approved summed", "approved summed", "approved summed", "approved summed", "approved summed", "approved summed"]),
            // Money: an approved program's figures and sources are open data; its ledger, receipts and people are the region's and the ministries'.
            ["GetProgramFunding"] = (async sign => $"planned {await FundingAsync(programs.Planned, sign)}, approved {await FundingAsync(programs.Approved, sign)}",
                ["planned 404, approved public", "planned full, approved full", "planned 404, approved public", "planned full, approved full",
                 "planned party, approved party", "planned 404, approved public"]),
            ["ListTransactions"] = (async sign => await StatusAsync($"/api/v1/funding/programs/{programs.Approved}/transactions", sign),
                ["403", "200", "403", "200", "403", "403"]),
            ["DownloadReceipt"] = (async sign => await StatusAsync($"/api/v1/funding/programs/{programs.Approved}/expenditures/{money.Expenditure}/receipts/{money.Receipt}", sign),
                ["403", "200", "403", "200", "403", "403"]),
            ["DownloadIatiActivity"] = (async sign => await StatusAsync($"/api/v1/funding/programs/{programs.Approved}:iati", sign),
                ["403", "200", "403", "200", "200", "403"]),
            ["GetFundingReport"] = (async sign => await FundingReportAsync($"/api/v1/funding:report?agreementId={setup.Active}", sign),
                ["1 programs", "2 programs", "1 programs", "2 programs", "2 programs", "1 programs"]),
            ["GetFundingSource"] = (async sign => await StatusAsync($"/api/v1/funding/sources/{money.Source}", sign),
                ["200", "200", "200", "200", "200", "200"]),
            ["ListFundingSources"] = (async sign => (await GetAsync("/api/v1/funding/sources?filter=region%20%3D%20%2231%22&pageSize=100", sign)).Contains(money.Source, StringComparison.Ordinal) ? "listed" : "not listed",
                ["listed", "listed", "listed", "listed", "listed", "listed"]),
            ["ListExchangeRates"] = (async sign => await StatusAsync("/api/v1/funding/exchangeRates?currency=EUR", sign),
                ["200", "200", "200", "200", "200", "200"]),
            ["SuggestPartners"] = (async sign => await CityAsync($"/api/v1/cities/{setup.Prefecture}:suggestPartners?pageSize=50", sign),
                ["200 without coordinator", "200 with coordinator", "200 with coordinator", "200 with coordinator", "200 with coordinator", "200 with coordinator"]),
            // Meetings: what took place is public; who took part (names, e-mails), the room and the audit are the parties'.
            ["GetMeeting"] = (async sign => await NamesAsync($"/api/v1/meetings/{meeting.Id}", sign),
                ["200 without names", "200 with names", "200 without names", "200 with names", "200 with names", "200 without names"]),
            ["ListMeetings"] = (async sign => $"{await NamesAsync($"/api/v1/meetings?filter=agreement%20%3D%20%22{setup.Active}%22", sign)}, by person "
                                              + ((await GetAsync("/api/v1/meetings?filter=person%20%3D%20%22rina.matrix%40jakarta.go.id%22", sign)).Contains(meeting.Id, StringComparison.Ordinal) ? "found" : "none"),
                ["200 without names, by person none", "200 with names, by person found", "200 without names, by person none", "200 with names, by person found",
                 "200 with names, by person found", "200 without names, by person none"]),
            ["GetMeetingInvitation"] = (async sign => await StatusAsync($"/api/v1/meetings/{meeting.Id}/invitation", sign),
                ["403", "200", "403", "200", "200", "403"]),
            ["ListActionItems"] = (async sign => (await GetAsync($"/api/v1/meetings:actionItems?filter=meeting%20%3D%20%22{meeting.Id}%22", sign)) is var body && !body.Contains(meeting.Id, StringComparison.Ordinal)
                    ? "not listed" : body.Contains("Rina Wulandari", StringComparison.Ordinal) ? "listed with owner" : "listed without owner",
                ["listed without owner", "listed with owner", "listed without owner", "listed with owner", "listed with owner", "listed without owner"]),
            ["GetRoomPresence"] = (async sign =>
                {
                    // Presence expires a minute after the last join: join again just before looking.
                    await fixture.SendAsync(HttpMethod.Post, $"/api/v1/meetings/{meeting.Id}/room:join", fixture.Token("regional-officer", "31"), new { participantId = meeting.Participant });
                    return await NamesAsync($"/api/v1/meetings/{meeting.Id}/room", sign, "Rina Wulandari", "participantId");
                },
                ["200 without names", "200 with names", "200 without names", "200 with names", "200 with names", "200 without names"]),
            ["GetMeetingHistory"] = (async sign => await StatusAsync($"/api/v1/meetings/{meeting.Id}/history", sign),
                ["403", "200", "403", "200", "403", "403"]),
            ["ListHolidays"] = (async sign => (await GetAsync("/api/v1/meetings/holidays?filter=region%20%3D%20%2231%22&pageSize=100", sign)).Contains(meeting.Holiday, StringComparison.Ordinal) ? "listed" : "not listed",
                ["listed", "listed", "listed", "listed", "listed", "listed"]),
            // A calendar application subscribes with the feed's secret alone.
            ["GetCalendarFeed"] = (async sign => $"{await StatusAsync(meeting.FeedPath, sign)}, wrong token {await StatusAsync(meeting.FeedPath[..(meeting.FeedPath.IndexOf("token=", StringComparison.Ordinal) + 6)] + "not-the-token", sign)}",
                ["200, wrong token 404", "200, wrong token 404", "200, wrong token 404", "200, wrong token 404", "200, wrong token 404", "200, wrong token 404"]),
        };
        Assert.Equal(ContractMethods.Reads().Order(StringComparer.Ordinal), matrix.Keys.Order(StringComparer.Ordinal));

        var wrong = new List<string>();
        foreach (var (method, (observe, expected)) in matrix)
        {
            for (var i = 0; i < Audiences.Length; i++)
            {
                var seen = await observe(callers[Audiences[i]]);
                if (seen != expected[i])
                {
                    wrong.Add($"{method} as {Audiences[i]}: saw \"{seen}\", expected \"{expected[i]}\"");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private async Task<string> AgreementAsync(string id, Action<HttpRequestMessage> sign)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/agreements/{id}", sign);
        return response.IsSuccessStatusCode ? Detail(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement) : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> ListAsync((string Draft, string Active, string Document, string Prefecture) setup, Action<HttpRequestMessage> sign)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/v1/agreements?filter=region%20%3D%20%2231%22%20AND%20party%20%3D%20%22gn-1581130%22&pageSize=100", sign);
        if (!response.IsSuccessStatusCode)
        {
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var listed = json.RootElement.TryGetProperty("agreements", out var items) ? items.EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, Detail) : [];
        return string.Join(", ", new[] { ("draft", setup.Draft), ("active", setup.Active) }.Where(p => listed.ContainsKey(p.Item2)).Select(p => $"{p.Item1} {listed[p.Item2]}"));
    }

    private async Task<string> ProgramAsync(string id, Action<HttpRequestMessage> sign)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/programs/{id}", sign);
        var body = await response.Content.ReadAsStringAsync();
        return !response.IsSuccessStatusCode ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : body.Contains("doc:commissioning-1", StringComparison.Ordinal) ? "with evidence" : "without evidence";
    }

    /// <summary>Which of the two programs a list names, by the property that holds a program's id.</summary>
    private async Task<string> ListedAsync(string path, string items, string idProperty, (string Planned, string Approved) programs, Action<HttpRequestMessage> sign)
    {
        using var json = JsonDocument.Parse(await GetAsync(path, sign));
        var ids = json.RootElement.TryGetProperty(items, out var list) ? list.EnumerateArray().Select(i => i.GetProperty(idProperty).GetString()).ToHashSet() : [];
        return string.Join(", ", new[] { ("planned", programs.Planned), ("approved", programs.Approved) }.Where(p => ids.Contains(p.Item2)).Select(p => p.Item1));
    }

    /// <summary>"full" with the people who set the budget, "party" with pledges or a draft budget, "public" with the figures only.</summary>
    private async Task<string> FundingAsync(string programId, Action<HttpRequestMessage> sign)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/funding/programs/{programId}", sign);
        if (!response.IsSuccessStatusCode)
        {
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var budget = root.TryGetProperty("budget", out var b) ? b : default;
        if (budget.ValueKind == JsonValueKind.Object && budget.TryGetProperty("setBy", out var setBy) && setBy.GetString()!.Length > 0)
        {
            return "full";
        }
        var draft = budget.ValueKind == JsonValueKind.Object && budget.TryGetProperty("status", out var status) && status.GetString() == "BUDGET_DRAFT";
        return draft || (root.TryGetProperty("commitments", out var c) && c.GetArrayLength() > 0) ? "party" : "public";
    }

    private async Task<string> FundingReportAsync(string path, Action<HttpRequestMessage> sign)
    {
        using var json = JsonDocument.Parse(await GetAsync(path, sign));
        return $"{(json.RootElement.TryGetProperty("rows", out var rows) ? rows.GetArrayLength() : 0)} programs";
    }

    private async Task<string> ReportAsync(string path, Action<HttpRequestMessage> sign)
    {
        using var json = JsonDocument.Parse(await GetAsync(path, sign));
        var participants = json.RootElement.TryGetProperty("participants", out var p) && p.TryGetProperty("total", out var total) ? total.GetInt32() : 0;
        return $"{(json.RootElement.TryGetProperty("programs", out var n) ? n.GetInt32() : 0)} programs, {participants} participants";
    }

    private async Task<string> GetAsync(string path, Action<HttpRequestMessage> sign)
    {
        using var response = await SendAsync(HttpMethod.Get, path, sign);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private async Task<string> HistoryAsync(string id, Action<HttpRequestMessage> sign)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/agreements/{id}/history", sign);
        if (!response.IsSuccessStatusCode)
        {
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var versions = json.RootElement.GetProperty("versions").EnumerateArray().Select(Detail).Distinct().ToList();
        var audit = json.RootElement.TryGetProperty("audit", out var records) && records.GetArrayLength() > 0;
        return $"{json.RootElement.GetProperty("versions").GetArrayLength()} version {string.Join("/", versions)}, {(audit ? "audit" : "no audit")}";
    }

    private async Task<string> CityAsync(string path, Action<HttpRequestMessage> sign)
    {
        using var response = await SendAsync(HttpMethod.Get, path, sign);
        var body = await response.Content.ReadAsStringAsync();
        return $"{(int)response.StatusCode} {(body.Contains("kerjasama@jakarta.go.id", StringComparison.Ordinal) ? "with" : "without")} coordinator";
    }

    private async Task<string> StatusAsync(string path, Action<HttpRequestMessage> sign)
    {
        using var response = await SendAsync(HttpMethod.Get, path, sign);
        return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>"full" when the working papers and contacts are there, "public" when only the public facts are.</summary>
    private static string Detail(JsonElement agreement) =>
        agreement.TryGetProperty("indonesianContact", out var contact) && contact.TryGetProperty("email", out _) && agreement.TryGetProperty("objectives", out _)
            ? "full"
            : "public";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Action<HttpRequestMessage> sign, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        sign(request);
        return await fixture.Gateway.SendAsync(request);
    }

    private static Action<HttpRequestMessage> Bearer(string token) => r => r.Headers.Authorization = new("Bearer", token);

    private static Action<HttpRequestMessage> Key(string key) => r => r.Headers.Add("X-Api-Key", key);

    /// <summary>Jakarta's coordinator on its profile; a signed, active Jakarta–Hanoi sister-city agreement with
    /// a document; and a Jakarta–Hanoi technical-cooperation draft.</summary>
    private async Task<(string Draft, string Active, string Document, string Prefecture)> JakartaHanoiAsync()
    {
        var officer = Bearer(fixture.Token("regional-officer", "31"));
        async Task<JsonElement> Post(string path, object body, Action<HttpRequestMessage>? sign = null, HttpMethod? method = null)
        {
            using var response = await SendAsync(method ?? HttpMethod.Post, path, sign ?? officer, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{path}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        await Post("/api/v1/cities/idn-31", new
        {
            // Priority fields make Jakarta a candidate in partner suggestions, where its coordinator travels too.
            profile = new { coordinator = new { name = "Biro Kerja Sama DKI", email = "kerjasama@jakarta.go.id" }, priorityFields = new[] { "smart_city", "culture" } },
            updateMask = "coordinator,priorityFields",
        }, method: HttpMethod.Patch);
        object Agreement(string kind, string title) => new
        {
            kind, title, indonesianParty = new { cityId = "idn-31" }, foreignParties = new[] { new { cityId = Hanoi } },
            fields = new[] { "culture", "smart_city" }, objectives = "Smart city exchange", mechanisms = "Annual delegations", validityMonths = 60,
            indonesianContact = new { name = "Biro Kerja Sama DKI", email = "kerjasama@jakarta.go.id" },
        };
        var active = (await Post("/api/v1/agreements", Agreement("SISTER_CITY", "Jakarta–Hanoi"))).GetProperty("id").GetString()!;
        await Post($"/api/v1/agreements/{active}:submit", new { });
        await Post($"/api/v1/agreements/{active}:recordClearance", new { kind = "DPRD_APPROVAL", decision = "APPROVED", referenceNumber = "DPRD/31/7" });
        await Post($"/api/v1/agreements/{active}:recordClearance", new { kind = "KEMENDAGRI_CLEARANCE", decision = "APPROVED", referenceNumber = "KDN/7" },
            Bearer(fixture.Token("ministry-reviewer", ministry: "kemendagri")));
        await Post($"/api/v1/agreements/{active}:recordClearance", new { kind = "KEMLU_CONSIDERATION", decision = "APPROVED", referenceNumber = "KLU/7" },
            Bearer(fixture.Token("ministry-reviewer", ministry: "kemlu")));
        string document;
        using (var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agreements/{active}/documents?title=MoU&language=id&legallyBinding=true")
        {
            Content = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n")),
        })
        {
            upload.Content.Headers.ContentType = new("application/pdf");
            officer(upload);
            using var uploaded = await fixture.Gateway.SendAsync(upload);
            var uploadedText = await uploaded.Content.ReadAsStringAsync();
            Assert.True(uploaded.IsSuccessStatusCode, uploadedText);
            document = JsonDocument.Parse(uploadedText).RootElement.GetProperty("id").GetString()!;
        }
        var today = DateTime.UtcNow;
        var date = new { year = today.Year, month = today.Month, day = today.Day };
        await Post($"/api/v1/agreements/{active}:sign", new
        {
            instrument = "MEMORANDUM_OF_UNDERSTANDING",
            indonesianSignatory = new { name = "Gubernur DKI Jakarta", title = "Gubernur", signedOn = date, place = "Jakarta" },
            foreignSignatory = new { name = "Mayor of Hanoi", title = "Mayor", signedOn = date, place = "Jakarta" },
        });
        var draft = (await Post("/api/v1/agreements", Agreement("TECHNICAL_COOPERATION", "Jakarta–Hanoi smart city"))).GetProperty("id").GetString()!;
        // A prefecture the officer registers (so may keep its profile), with Jakarta's fields.
        var prefecture = (await Post("/api/v1/cities", new { name = $"Matrix Prefecture {Guid.NewGuid():N}"[..30], countryCode = "JP", level = "SUBDIVISION", timeZone = "Asia/Tokyo" }))
            .GetProperty("id").GetString()!;
        await Post($"/api/v1/cities/{prefecture}", new { profile = new { priorityFields = new[] { "smart_city", "culture" } }, updateMask = "priorityFields" }, method: HttpMethod.Patch);
        return (draft, active, document, prefecture);
    }

    /// <summary>Under the active agreement: a plan not yet approved, and an approved program with a
    /// participant, an indicator actual with its evidence and an overdue milestone; the plan has one too.</summary>
    private async Task<(string Planned, string Approved)> ProgramsAsync(string agreementId)
    {
        var today = DateTime.UtcNow;
        var date = new { year = today.Year, month = today.Month, day = today.Day };
        var yesterday = today.AddDays(-1);
        var due = new { year = yesterday.Year, month = yesterday.Month, day = yesterday.Day };
        var token = fixture.Token("regional-officer", "31");
        Task<JsonElement> Post(string path, object body) => fixture.PostProgramsAsync(path, token, body);
        object Program(string title) => new
        {
            agreementId, type = "TECHNICAL_ASSISTANCE", field = "smart_city", title, indonesianLeadOffice = "Diskominfotik DKI Jakarta",
            foreignLeadOffice = "Hanoi Department of Information", startDate = date, endDate = date, deliveryMode = "VIRTUAL", sdgTargets = new[] { "11.3" },
        };
        var planned = (await Post("/api/v1/programs", Program("Smart city data platform"))).GetProperty("id").GetString()!;
        var approved = (await Post("/api/v1/programs", Program("Smart city traffic lights"))).GetProperty("id").GetString()!;
        await Post($"/api/v1/programs/{approved}:approve", new { });
        foreach (var id in new[] { planned, approved })
        {
            await Post($"/api/v1/programs/{id}/milestones", new { kind = "ACTIVITY", title = "Kick-off call", dueDate = due });
        }
        await Post($"/api/v1/programs/{approved}/participants", new
        {
            name = "Rina Wulandari", email = "rina@example.org", role = "EXPERT", side = "INDONESIAN", gender = "FEMALE", ageBand = "AGE_35_TO_44",
            consent = new { purpose = "Program administration", givenOn = date, method = "online form" },
        });
        var indicator = (await Post($"/api/v1/programs/{approved}/indicators", new { name = "Intersections connected", level = "OUTPUT", unit = "intersections", target = 40 }))
            .GetProperty("indicators")[0].GetProperty("id").GetString()!;
        await Post($"/api/v1/programs/{approved}/indicators/{indicator}/actuals", new
        {
            periodStart = date, periodEnd = date, value = 12, evidence = new[] { new { title = "Commissioning report", uri = "doc:commissioning-1" } },
        });
        return (planned, approved);
    }

    /// <summary>The plan's draft budget; the approved program's approved budget, APBD's pledge, a tranche
    /// requested, approved and paid, and an expenditure with its receipt.</summary>
    private async Task<(string Source, string Expenditure, string Receipt)> FundingAsync((string Planned, string Approved) programs)
    {
        var officer = Bearer(fixture.Token("regional-officer", "31"));
        var approver = Bearer(fixture.Token("finance-approver", "31"));
        async Task<JsonElement> Send(HttpMethod method, string path, object body, Action<HttpRequestMessage> sign)
        {
            using var response = await SendAsync(method, path, sign, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{path}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        var year = DateTime.UtcNow.Year;
        var today = DateTime.UtcNow;
        var date = new { year = today.Year, month = today.Month, day = today.Day };
        var source = (await Send(HttpMethod.Post, "/api/v1/funding/sources", new { kind = "REGIONAL_BUDGET", name = "APBD DKI Jakarta (matrix)", defaultCurrency = "IDR" }, officer))
            .GetProperty("id").GetString()!;
        var lines = new[] { new { category = "TRAVEL", fiscalYear = year, amount = new { currencyCode = "IDR", units = "90000000" }, description = "Delegation" } };
        await Send(HttpMethod.Put, $"/api/v1/funding/programs/{programs.Planned}/budget", new { lines }, officer);
        var approved = programs.Approved;
        await Send(HttpMethod.Put, $"/api/v1/funding/programs/{approved}/budget", new { lines }, officer);
        await Send(HttpMethod.Post, $"/api/v1/funding/programs/{approved}/budget:approve", new { }, approver);
        await Send(HttpMethod.Post, $"/api/v1/funding/programs/{approved}/commitments?requestId={Guid.NewGuid():N}",
            new { sourceId = source, amount = new { currencyCode = "IDR", units = "50000000" } }, officer);
        var tranche = (await Send(HttpMethod.Post, $"/api/v1/funding/programs/{approved}/tranches?requestId={Guid.NewGuid():N}",
            new { sourceId = source, amount = new { currencyCode = "IDR", units = "20000000" }, plannedDate = date }, officer)).GetProperty("tranches")[0].GetProperty("id").GetString()!;
        await Send(HttpMethod.Post, $"/api/v1/funding/programs/{approved}/tranches/{tranche}:request", new { }, officer);
        await Send(HttpMethod.Post, $"/api/v1/funding/programs/{approved}/tranches/{tranche}:approve", new { }, approver);
        await Send(HttpMethod.Post, $"/api/v1/funding/programs/{approved}/tranches/{tranche}:pay", new { paidOn = date, requestId = Guid.NewGuid().ToString("N") },
            Bearer(fixture.Token("finance-approver", "31", subject: "kas-daerah@31")));
        var expenditure = (await Send(HttpMethod.Post, $"/api/v1/funding/programs/{approved}/expenditures?requestId={Guid.NewGuid():N}",
            new { category = "TRAVEL", amount = new { currencyCode = "IDR", units = "4500000" }, spentOn = date, description = "Flights to Hanoi", payee = "Rina Wulandari" }, officer))
            .GetProperty("expenditures")[0].GetProperty("id").GetString()!;
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/funding/programs/{approved}/expenditures/{expenditure}/receipts?fileName=ticket.pdf")
        {
            Content = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\nE-ticket\n%%EOF\n")),
        };
        upload.Content.Headers.ContentType = new("application/pdf");
        officer(upload);
        using var uploaded = await fixture.Gateway.SendAsync(upload);
        var receipt = await uploaded.Content.ReadAsStringAsync();
        Assert.True(uploaded.IsSuccessStatusCode, receipt);
        // The funding service hears of the approval by event: until then the program's money is a plan's. Asked as
        // another region's officer (who sees what the public sees), past the gateway's cache of anonymous reads.
        var otherOfficer = Bearer(fixture.Token("regional-officer", "35.78"));
        for (var i = 0; i < 150; i++)
        {
            using var seen = await SendAsync(HttpMethod.Get, $"/api/v1/funding/programs/{approved}", otherOfficer);
            if (seen.IsSuccessStatusCode)
            {
                break;
            }
            await Task.Delay(200);
        }
        return (source, expenditure, JsonDocument.Parse(receipt).RootElement.GetProperty("id").GetString()!);
    }

    /// <summary>A Jakarta–Hanoi working meeting with a participant from each side and an action item, a Jakarta
    /// holiday in the table, and a calendar feed of region 31's meetings.</summary>
    private async Task<(string Id, string Participant, string Holiday, string FeedPath)> MeetingAsync(string agreementId)
    {
        var token = fixture.Token("regional-officer", "31");
        var meeting = await fixture.ScheduleMeetingAsync(token, SystemFixture.MeetingBody(agreementId, "idn-31", Hanoi, "Smart city working group", "rina.matrix@jakarta.go.id", "minh@hanoi.gov.vn"));
        var id = meeting.GetProperty("id").GetString()!;
        var participant = meeting.GetProperty("participants").EnumerateArray().First(p => p.GetProperty("side").GetString() == "INDONESIAN").GetProperty("id").GetString()!;
        var due = DateTime.UtcNow.AddDays(30);
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/meetings/{id}/actionItems", token,
            new { title = "Share the traffic data model", ownerParticipantId = participant, dueDate = new { year = due.Year, month = due.Month, day = due.Day } });
        var day = DateTime.UtcNow.AddDays(40);
        var holiday = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Post, $"/api/v1/meetings/holidays?requestId={Guid.NewGuid():N}", token,
            new { countryCode = "ID", regionCode = "31", date = new { year = day.Year, month = day.Month, day = day.Day }, name = "HUT Kota Jakarta (matrix)" }));
        var feed = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Post, "/api/v1/meetings/feeds", token, new { regionCode = "31" }));
        var url = new Uri(feed.RootElement.GetProperty("url").GetString()!);
        return (id, participant, holiday.RootElement.GetProperty("id").GetString()!, url.PathAndQuery);
    }

    /// <summary>The status, and whether the people are named (a participant's name or id is in the body).</summary>
    private async Task<string> NamesAsync(string path, Action<HttpRequestMessage> sign, string name = "Rina Wulandari", string? alsoProperty = null)
    {
        using var response = await SendAsync(HttpMethod.Get, path, sign);
        var body = await response.Content.ReadAsStringAsync();
        var named = body.Contains(name, StringComparison.Ordinal) || (alsoProperty is not null && body.Contains($"\"{alsoProperty}\":\"mp-", StringComparison.Ordinal));
        return $"{(int)response.StatusCode} {(named ? "with" : "without")} names";
    }

    private async Task<string> PartnerKeyAsync(string city)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/apiKeys")
        {
            Content = JsonContent.Create(new { owner = $"Partner system of {city}", role = "partner", region = city, scopes = new[] { "registry:read", "agreements:read", "programs:read", "funding:read", "meetings:read" } }),
        };
        request.Headers.Authorization = new("Bearer", fixture.Token("operator"));
        using var response = await fixture.Gateway.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;
    }
}
