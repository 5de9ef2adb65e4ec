using Google.Protobuf.Collections;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Contracts.Programs.V1;
using ProgramMessage = Paradiplomacy.Contracts.Programs.V1.Program;

namespace Paradiplomacy.Programs.Tests.Integration;

/// <summary>The programs service on the real PostgreSQL and broker, with agreements it learnt of by event.</summary>
[Collection(ProgramsCollection.Name)]
public class ProgramFlowTests(ProgramsFixture fixture)
{
    private const string Busan = "gn-1838524";
    private static readonly Google.Type.Date Today = Date(DateOnly.FromDateTime(DateTime.UtcNow));

    [Fact]
    public async Task A_student_exchange_runs_from_plan_to_completion_and_the_SDG_report_counts_it()
    {
        var agreement = await fixture.ActiveAgreementAsync("35.78", "idn-35.78", Busan, "SISTER_CITY", "education", "economy");
        var officer = fixture.Bearer("regional-officer", "35.78");

        var program = await fixture.Client.CreateProgramAsync(new CreateProgramRequest { Program = Exchange(agreement), RequestId = $"exchange-{agreement}" }, officer);
        var again = await fixture.Client.CreateProgramAsync(new CreateProgramRequest { Program = Exchange(agreement), RequestId = $"exchange-{agreement}" }, officer);
        Assert.Equal(program.Id, again.Id);
        Assert.Equal(ProgramStatus.Planned, program.Status);

        program = await fixture.Client.ApproveProgramAsync(new ApproveProgramRequest { Id = program.Id, Etag = program.Etag }, officer);
        program = await fixture.Client.StartProgramAsync(new StartProgramRequest { Id = program.Id, Etag = program.Etag }, officer);
        foreach (var (name, side, gender) in new[] { ("Siti", Side.Indonesian, Gender.Female), ("Budi", Side.Indonesian, Gender.Male), ("Ji-woo", Side.Foreign, Gender.Female) })
        {
            await fixture.Client.AddParticipantAsync(new AddParticipantRequest
            {
                ProgramId = program.Id, RequestId = $"{program.Id}-{name}",
                Participant = new Participant
                {
                    Name = name, Role = ParticipantRole.Student, Side = side, Gender = gender, AgeBand = AgeBand.Age18To24, HomeCityId = side == Side.Indonesian ? "idn-35.78" : Busan,
                    Consent = new Consent { Purpose = "Exchange administration and reporting", GivenOn = Today, Method = "signed form" },
                },
            }, officer);
        }
        program = await fixture.Client.AddIndicatorAsync(new AddIndicatorRequest
        {
            ProgramId = program.Id, Indicator = new Indicator { Name = "Students exchanged", Level = IndicatorLevel.Output, Unit = "students", Baseline = 0, Target = 3, Disaggregations = { "gender" }, SdgTargets = { "4.b" } },
        }, officer);
        var indicator = program.Indicators.Single().Id;
        program = await fixture.Client.RecordIndicatorActualAsync(new RecordIndicatorActualRequest
        {
            ProgramId = program.Id, IndicatorId = indicator,
            Actual = new IndicatorActual { PeriodStart = Date(new DateOnly(2025, 8, 1)), PeriodEnd = Date(new DateOnly(2025, 12, 31)), Value = 3, Evidence = { new Evidence { Title = "Enrolment list", Uri = "https://dispendik.surabaya.go.id/exchange-2025.pdf" } } },
        }, officer);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, async () =>
            await fixture.Client.CompleteProgramAsync(new CompleteProgramRequest { Id = program.Id }, officer));
        program = await fixture.Client.SubmitEvaluationAsync(new SubmitEvaluationRequest
        {
            ProgramId = program.Id,
            Evaluation = new Evaluation { Kind = EvaluationKind.Final, Rating = EvaluationRating.Satisfactory, Findings = "All three students completed the semester", Evaluator = "Bappeda Kota Surabaya" },
        }, officer);
        program = await fixture.Client.CompleteProgramAsync(new CompleteProgramRequest { Id = program.Id, Etag = program.Etag }, officer);

        Assert.Equal(ProgramStatus.Completed, program.Status);
        Assert.Equal(3, program.Participants.Total);
        Assert.Equal(3, program.Indicators.Single().ActualTotal);
        var report = await fixture.Client.GetProgramReportAsync(new GetProgramReportRequest { SdgTarget = "4.b", Region = "35.78" });
        Assert.Contains(report.Indicators, i => i.ProgramId == program.Id && i.Actual == 3 && i.PercentOfTarget == 100);
        Assert.Equal(2, Count(report.Participants.ByGender, "Female"));
        Assert.Equal(1, Count(report.Participants.BySide, "Foreign"));
        var rollup = await fixture.Client.GetSdgRollupAsync(new GetSdgRollupRequest { SdgTarget = "4", Year = 2025, Level = RollupLevel.Province });
        Assert.Contains(rollup.Rows, r => r.Scope == "35" && r.ProgramIds.Contains(program.Id) && r.Total >= 3);
        var agreementReport = await fixture.Client.GetProgramReportAsync(new GetProgramReportRequest { AgreementId = agreement });
        Assert.Equal(["economy"], agreementReport.FieldsWithoutProgram);
        var evidence = await fixture.Client.GetRenewalEvidenceAsync(new GetRenewalEvidenceRequest { AgreementId = agreement });
        var education = evidence.Fields.Single(f => f.Field == "education");
        Assert.Equal((1, 1, 3, 1, 1), (education.Programs, education.ProgramsCompleted, education.Participants, education.Indicators, education.IndicatorsMet));
        var health = await fixture.Client.GetPartnershipHealthAsync(new GetPartnershipHealthRequest { AgreementId = agreement });
        Assert.Equal(HealthBand.Thriving, health.Band);
        var national = await fixture.Client.ListPartnershipHealthAsync(new ListPartnershipHealthRequest { Filter = "province = \"35\"", PageSize = 100 });
        Assert.Contains(national.Partnerships, p => p.AgreementId == agreement && p.Band == HealthBand.Thriving);
        var surabaya = national.Regions.Single(r => r.RegionCode == "35.78");
        Assert.Equal(national.Partnerships.Count(p => p.RegionCode == "35.78"), surabaya.Partnerships);
        Assert.True(surabaya.Thriving >= 1);
        Assert.True(national.Partnerships.Zip(national.Partnerships.Skip(1)).All(pair => pair.First.Score <= pair.Second.Score), "weakest first");

        // Every change is in the audit trail; the events went out through the outbox.
        var history = await fixture.Client.GetProgramHistoryAsync(new GetProgramHistoryRequest { Id = program.Id }, officer);
        Assert.Equal(["create", "approve", "start", "add_participant", "add_participant", "add_participant", "add_indicator", "record_actual", "submit_evaluation", "complete"],
            history.Audit.Select(a => a.Action));
        var outbox = await fixture.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Select(m => new { m.MessageType, m.Payload }).ToListAsync());
        Assert.Superset(new HashSet<string> { "ProgramCreated", "ProgramApproved", "ProgramStarted", "IndicatorReported", "EvaluationSubmitted", "ProgramCompleted" },
            outbox.Where(m => m.Payload.Contains(program.Id, StringComparison.Ordinal)).Select(m => m.MessageType.Split(',')[0].Split('.').Last()).ToHashSet());
    }

    [Fact]
    public async Task An_agreement_terminated_while_a_program_runs_flags_it_and_nothing_new_starts_under_it()
    {
        var agreement = await fixture.ActiveAgreementAsync("35.78", "idn-35.78", Busan, "TECHNICAL_COOPERATION", "education");
        var officer = fixture.Bearer("regional-officer", "35.78");
        var running = await fixture.Client.CreateProgramAsync(new CreateProgramRequest { Program = Exchange(agreement) }, officer);
        running = await fixture.Client.ApproveProgramAsync(new ApproveProgramRequest { Id = running.Id }, officer);
        running = await fixture.Client.StartProgramAsync(new StartProgramRequest { Id = running.Id }, officer);
        var approved = await fixture.Client.CreateProgramAsync(new CreateProgramRequest { Program = Exchange(agreement) }, officer);
        approved = await fixture.Client.ApproveProgramAsync(new ApproveProgramRequest { Id = approved.Id }, officer);

        using (var terminate = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agreements/{agreement}:terminate") { Content = System.Net.Http.Json.JsonContent.Create(new { reason = "Partner reorganised its international office" }) })
        {
            terminate.Headers.Authorization = new("Bearer", fixture.Infrastructure.Token("regional-officer", "35.78"));
            using var response = await fixture.Agreements.SendAsync(terminate);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
        await fixture.UntilProjectedAsync(agreement, "Terminated");

        running = await fixture.Client.GetProgramAsync(new GetProgramRequest { Id = running.Id }, officer);
        Assert.Equal("Terminated", running.AgreementEnded?.AgreementStatus);
        Assert.Equal(ProgramStatus.InProgress, running.Status);
        var start = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, async () =>
            await fixture.Client.StartProgramAsync(new StartProgramRequest { Id = approved.Id }, officer));
        Assert.Contains("Terminated", start.Message, StringComparison.Ordinal);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, async () =>
            await fixture.Client.CreateProgramAsync(new CreateProgramRequest { Program = Exchange(agreement) }, officer));
        var flagged = await fixture.Client.ListProgramsAsync(new ListProgramsRequest { Filter = $"agreement = \"{agreement}\" AND agreement_ended = true" }, officer);
        Assert.Equal(2, flagged.TotalSize);
    }

    [Fact]
    public async Task Bad_input_is_refused_by_field_and_writes_nothing()
    {
        var agreement = await fixture.ActiveAgreementAsync("35.78", "idn-35.78", "gn-1850147", "SISTER_CITY", "culture");
        var officer = fixture.Bearer("regional-officer", "35.78");
        var before = await fixture.WithDbAsync(db => db.Programs.CountAsync());
        var bad = Exchange(agreement);
        bad.Field = "education";
        bad.EndDate = Date(new DateOnly(2031, 1, 1));
        bad.SdgTargets.Add("19.1");
        bad.Status = ProgramStatus.Completed;

        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.CreateProgramAsync(new CreateProgramRequest { Program = bad }, officer));

        Assert.Superset(new HashSet<string> { "program.status" }, RpcAssert.ViolatedFields(status).ToHashSet());
        bad.Status = ProgramStatus.Unspecified;
        status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.CreateProgramAsync(new CreateProgramRequest { Program = bad }, officer));
        Assert.Superset(new HashSet<string> { "program.field", "program.end_date", "program.sdg_targets[2]" }, RpcAssert.ViolatedFields(status).ToHashSet());
        Assert.Equal(before, await fixture.WithDbAsync(db => db.Programs.CountAsync()));

        var good = await fixture.Client.CreateProgramAsync(new CreateProgramRequest { Program = Culture(agreement) }, officer);
        await RpcAssert.FailsWith(StatusCode.Aborted, async () =>
            await fixture.Client.ApproveProgramAsync(new ApproveProgramRequest { Id = good.Id, Etag = "999" }, officer));
        var participant = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.AddParticipantAsync(new AddParticipantRequest { ProgramId = good.Id, Participant = new Participant { Name = "No consent", Role = ParticipantRole.Artist, Side = Side.Indonesian, Gender = Gender.Female, AgeBand = AgeBand.Age25To34 } }, officer));
        Assert.Contains("participant.consent", RpcAssert.ViolatedFields(participant));
        Assert.Equal(good.Etag, (await fixture.Client.GetProgramAsync(new GetProgramRequest { Id = good.Id }, officer)).Etag);
    }

    [Fact]
    public async Task Another_region_changes_nothing_and_no_one_outside_sees_the_participants_or_a_plan()
    {
        var agreement = await fixture.ActiveAgreementAsync("35.78", "idn-35.78", "gn-1853909", "SISTER_CITY", "culture");
        var officer = fixture.Bearer("regional-officer", "35.78");
        var jakarta = fixture.Bearer("regional-officer", "31");
        var program = await fixture.Client.CreateProgramAsync(new CreateProgramRequest { Program = Culture(agreement) }, officer);

        await RpcAssert.FailsWith(StatusCode.NotFound, async () => await fixture.Client.GetProgramAsync(new GetProgramRequest { Id = program.Id }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.ApproveProgramAsync(new ApproveProgramRequest { Id = program.Id }, jakarta));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
            await fixture.Client.CreateProgramAsync(new CreateProgramRequest { Program = Culture(agreement) }, jakarta));
        program = await fixture.Client.ApproveProgramAsync(new ApproveProgramRequest { Id = program.Id }, officer);
        await fixture.Client.AddParticipantAsync(new AddParticipantRequest
        {
            ProgramId = program.Id,
            Participant = new Participant { Name = "Dewi Lestari", Email = "dewi@example.org", Role = ParticipantRole.Artist, Side = Side.Indonesian, Gender = Gender.Female, AgeBand = AgeBand.Age25To34, Consent = new Consent { Purpose = "Festival", GivenOn = Today, Method = "online form" } },
        }, officer);

        program = await fixture.Client.AddIndicatorAsync(new AddIndicatorRequest { ProgramId = program.Id, Indicator = new Indicator { Name = "Works shown", Level = IndicatorLevel.Output, Unit = "works", Target = 10 } }, officer);
        await fixture.Client.RecordIndicatorActualAsync(new RecordIndicatorActualRequest
        {
            ProgramId = program.Id, IndicatorId = program.Indicators[0].Id,
            Actual = new IndicatorActual { PeriodStart = Today, PeriodEnd = Today, Value = 4, Evidence = { new Evidence { Title = "Catalogue", Uri = "doc:catalogue" } } },
        }, officer);

        var seenByPublic = await fixture.Client.GetProgramAsync(new GetProgramRequest { Id = program.Id });
        Assert.Equal(1, seenByPublic.Participants.Total);
        Assert.Equal(4, seenByPublic.Indicators.Single().Actuals.Single().Value);
        Assert.Empty(seenByPublic.Indicators.Single().Actuals.Single().Evidence);
        Assert.Empty(seenByPublic.Indicators.Single().Actuals.Single().RecordedBy);
        var publicJson = await fixture.Rest.GetStringAsync($"/api/v1/programs/{program.Id}");
        Assert.DoesNotContain("doc:catalogue", publicJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Dewi", publicJson, StringComparison.Ordinal);
        Assert.Single((await fixture.Client.GetProgramAsync(new GetProgramRequest { Id = program.Id }, officer)).Indicators.Single().Actuals.Single().Evidence);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.ListParticipantsAsync(new ListParticipantsRequest { ProgramId = program.Id }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.ListParticipantsAsync(new ListParticipantsRequest { ProgramId = program.Id }, jakarta));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.GetProgramHistoryAsync(new GetProgramHistoryRequest { Id = program.Id }, jakarta));
        var listed = await fixture.Client.ListParticipantsAsync(new ListParticipantsRequest { ProgramId = program.Id }, fixture.Bearer("ministry-reviewer", ministry: "kemendagri"));
        Assert.Equal("dewi@example.org", listed.Participants.Single().Email);
    }

    [Fact]
    public async Task An_agreement_signed_before_the_service_first_ran_is_known_from_its_start()
    {
        var known = await fixture.WithDbAsync(db => db.Agreements.AsNoTracking().SingleAsync(a => a.AgreementId == fixture.AgreementBeforeStart));

        Assert.Equal(("Active", "35.78", "35"), (known.Status, known.RegionCode, known.ProvinceCode));
        Assert.Equal(["education", "smart_city"], known.Fields);
        Assert.Equal(["gn-1835848"], known.ForeignPartyIds);
        var program = Culture(fixture.AgreementBeforeStart);
        program.Field = "smart_city";
        var created = await fixture.Client.CreateProgramAsync(new CreateProgramRequest { Program = program }, fixture.Bearer("regional-officer", "35.78"));
        Assert.Equal(ProgramStatus.Planned, created.Status);
    }

    private static int Count(RepeatedField<Tally> tallies, string key) => tallies.FirstOrDefault(t => t.Key == key)?.Count ?? 0;

    private static Google.Type.Date Date(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    private static ProgramMessage Exchange(string agreement) => new()
    {
        AgreementId = agreement, Type = ProgramType.StudentExchange, Field = "education", Title = "Surabaya–Busan student exchange",
        Objectives = "Students spend a semester in the partner city", IndonesianLeadOffice = "Dinas Pendidikan Kota Surabaya",
        ForeignLeadOffice = "Busan Metropolitan Office of Education", StartDate = Date(new DateOnly(2025, 8, 1)), EndDate = Date(new DateOnly(2026, 1, 31)),
        DeliveryMode = DeliveryMode.InPerson, Location = "Busan", SdgTargets = { "4.b", "17.17" },
    };

    private static ProgramMessage Culture(string agreement) => new()
    {
        AgreementId = agreement, Type = ProgramType.ArtistExchange, Field = "culture", Title = "Artists in residence",
        IndonesianLeadOffice = "Dinas Kebudayaan Kota Surabaya", ForeignLeadOffice = "Culture office", StartDate = Date(new DateOnly(2026, 3, 1)),
        EndDate = Date(new DateOnly(2026, 6, 30)), DeliveryMode = DeliveryMode.Hybrid, Location = "Surabaya", SdgTargets = { "11.4" },
    };
}
