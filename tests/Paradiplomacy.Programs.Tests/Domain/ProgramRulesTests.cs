using Paradiplomacy.Programs.Domain;
using Paradiplomacy.ServiceDefaults.Errors;
using static Paradiplomacy.Programs.Tests.Domain.TestPrograms;

namespace Paradiplomacy.Programs.Tests.Domain;

public class ProgramRulesTests
{
    [Fact]
    public void Only_an_officer_of_the_agreements_region_plans_under_it()
    {
        Assert.Throws<PermissionDeniedException>(() => CooperationProgram.Plan("prg-x", SurabayaBusan(), Exchange(), Officer("31"), null, Now));
    }

    [Theory]
    [InlineData("Expired")]
    [InlineData("Terminated")]
    [InlineData("Signed")]
    public void An_agreement_not_in_effect_takes_no_program(string status)
    {
        var error = Assert.Throws<PreconditionFailedException>(() => Planned(agreement: SurabayaBusan(status)));
        Assert.Equal("AGREEMENT_NOT_ACTIVE", error.Reason);
    }

    [Fact]
    public void A_field_the_agreement_does_not_name_a_period_outside_it_and_an_unknown_SDG_are_refused_by_field()
    {
        var plan = Exchange() with
        {
            Field = "maritime", StartDate = new DateOnly(2024, 6, 1), EndDate = new DateOnly(2024, 5, 1), SdgTargets = ["11.6", "18.1", "x"],
        };

        var error = Assert.Throws<ValidationException>(() => Planned(plan));

        var fields = error.Violations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "program.field", "program.start_date", "program.end_date", "program.sdg_targets[1]", "program.sdg_targets[2]" }, fields);
        Assert.DoesNotContain("program.sdg_targets[0]", fields);
    }

    [Fact]
    public void An_in_person_program_needs_a_location_a_virtual_one_does_not()
    {
        Assert.Contains(Assert.Throws<ValidationException>(() => Planned(Exchange() with { Location = null })).Violations, v => v.Field == "program.location");
        Assert.Null(Planned(Exchange() with { Location = null, DeliveryMode = DeliveryMode.Virtual }).Location);
    }

    [Fact]
    public void Actuals_need_evidence_and_break_down_only_by_the_indicators_dimensions()
    {
        var program = InProgress();
        var indicator = program.AddIndicator("Students exchanged", IndicatorLevel.Output, "students", 0, 20, ["gender"], [], Now);
        var period = (new DateOnly(2026, 8, 1), new DateOnly(2026, 10, 31));

        var noEvidence = Assert.Throws<ValidationException>(() => program.RecordActual(indicator.Id, period.Item1, period.Item2, 12,
            new Dictionary<string, string>(), [], null, Today, Officer(), Now));
        var wrongDimension = Assert.Throws<ValidationException>(() => program.RecordActual(indicator.Id, period.Item1, period.Item2, 5,
            new Dictionary<string, string> { ["role"] = "student" }, [new Evidence("List", "doc:abc")], null, Today, Officer(), Now));
        var badLink = Assert.Throws<ValidationException>(() => program.RecordActual(indicator.Id, period.Item1, period.Item2, 5,
            new Dictionary<string, string>(), [new Evidence("List", "file:///etc/passwd")], null, Today, Officer(), Now));

        Assert.Contains(noEvidence.Violations, v => v.Field == "actual.evidence");
        Assert.Contains(wrongDimension.Violations, v => v.Field == "actual.disaggregation[role]");
        Assert.Contains(badLink.Violations, v => v.Field == "actual.evidence[0].uri");
        Assert.Empty(program.Actuals);

        program.RecordActual(indicator.Id, period.Item1, period.Item2, 12, new Dictionary<string, string>(), [new Evidence("List", "doc:abc")], null, Today, Officer(), Now);
        program.RecordActual(indicator.Id, period.Item1, period.Item2, 7, new Dictionary<string, string> { ["gender"] = "female" }, [new Evidence("List", "doc:abc")], null, Today, Officer(), Now);
        // The breakdown is not added to the total.
        Assert.Equal(12, program.ActualTotal(indicator.Id));
        Assert.False(indicator.IsMet(12));
        Assert.Equal(60, indicator.PercentOfTarget(12));
        // An indicator without SDG tags of its own serves the program's.
        Assert.Equal(["4.b", "17.17"], indicator.SdgTargets);
    }

    [Fact]
    public void Withdrawing_consent_erases_the_personal_data_and_keeps_the_participant_counted()
    {
        var program = InProgress();
        program.Enrol(new Participant
        {
            Id = "par-1", Name = "Siti Rahmawati", Role = ParticipantRole.Student, Side = Side.Indonesian, Gender = Gender.Female, AgeBand = AgeBand.Age18To24,
            HomeCityId = "idn-35.78", Email = "siti@example.org", Consent = new Consent("Exchange administration", Today, "signed form"), EnrolledAt = Now,
        }, Now);
        var before = program.AuditSnapshot();

        var erased = program.WithdrawConsent("par-1", Now);

        Assert.Equal((Participant.ErasedName, null, null, true), (erased.Name, erased.Email, erased.HomeCityId, erased.Erased));
        Assert.Equal((Side.Indonesian, Gender.Female, ParticipantRole.Student), (erased.Side, erased.Gender, erased.Role));
        Assert.Single(program.Participants);
        // The audit trail never held the name in the first place.
        Assert.DoesNotContain(before.Values, v => v?.Contains("Siti", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("11.6", true)]
    [InlineData("17.17", true)]
    [InlineData("11.a", true)]
    [InlineData("11", true)]
    [InlineData("18", false)]
    [InlineData("0.1", false)]
    [InlineData("11.6.1", false)]
    [InlineData("SDG11", false)]
    public void SDG_tags_are_goals_one_to_seventeen_or_their_targets(string tag, bool valid) => Assert.Equal(valid, SdgTargets.IsValid(tag));
}
