using Paradiplomacy.Programs.Domain;
using Paradiplomacy.ServiceDefaults.Errors;
using static Paradiplomacy.Programs.Tests.Domain.TestPrograms;

namespace Paradiplomacy.Programs.Tests.Domain;

public class ProgramLifecycleTests
{
    [Fact]
    public void A_program_goes_from_planned_through_approved_and_in_progress_to_completed_with_its_final_evaluation()
    {
        var program = InProgress();
        program.SubmitEvaluation(EvaluationKind.Final, EvaluationRating.Satisfactory, "Twenty students completed the semester", null, "Bappeda Surabaya",
            null, Today, Officer(), Now);

        var next = program.Complete(Today, Today, SurabayaBusan(), Officer(), Now);

        Assert.Equal(ProgramStatus.Completed, program.Status);
        Assert.Equal(Today, program.CompletedOn);
        Assert.Null(next);
        Assert.Equal(["ProgramCreated", "ProgramApproved", "ProgramStarted", "EvaluationSubmitted", "ProgramCompleted"],
            program.PendingEvents.Select(e => e.GetType().Name));
    }

    [Fact]
    public void A_program_is_not_completed_without_its_final_evaluation()
    {
        var program = InProgress();
        program.SubmitEvaluation(EvaluationKind.Periodic, EvaluationRating.ModeratelySatisfactory, "Halfway", null, "Bappeda", null, Today, Officer(), Now);

        var error = Assert.Throws<PreconditionFailedException>(() => program.Complete(null, Today, SurabayaBusan(), Officer(), Now));

        Assert.Contains("final evaluation", error.Message, StringComparison.Ordinal);
        Assert.Equal(ProgramStatus.InProgress, program.Status);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("complete")]
    public void A_planned_program_cannot_skip_its_approval(string action)
    {
        var program = Planned();

        Assert.Throws<PreconditionFailedException>(() =>
        {
            if (action == "start")
            {
                program.Start(Officer(), Now);
            }
            else
            {
                program.Complete(null, Today, SurabayaBusan(), Officer(), Now);
            }
        });
        Assert.Equal(ProgramStatus.Planned, program.Status);
    }

    [Fact]
    public void Postponing_keeps_the_reason_and_the_old_dates_and_a_postponed_program_resumes_with_start()
    {
        var program = InProgress();
        program.Postpone("Typhoon season", new DateOnly(2027, 9, 1), new DateOnly(2028, 1, 31), SurabayaBusan(), Officer(), Now);

        Assert.Equal(ProgramStatus.Postponed, program.Status);
        var postponement = Assert.Single(program.Postponements);
        Assert.Equal(new DateOnly(2026, 8, 1), postponement.PreviousStart);
        Assert.Equal(new DateOnly(2027, 9, 1), program.StartDate);
        program.Start(Officer(), Now);
        Assert.Equal(ProgramStatus.InProgress, program.Status);
    }

    [Fact]
    public void New_dates_past_the_agreements_expiry_are_refused_with_the_field_named()
    {
        var program = InProgress();

        var error = Assert.Throws<ValidationException>(() =>
            program.Postpone("Delayed", new DateOnly(2029, 10, 1), new DateOnly(2030, 3, 1), SurabayaBusan(), Officer(), Now));

        Assert.Contains(error.Violations, v => v.Field == "new_end_date" && v.Description.Contains("2029-12-31", StringComparison.Ordinal));
        Assert.Equal(ProgramStatus.InProgress, program.Status);
        Assert.Empty(program.Postponements);
    }

    [Fact]
    public void Switching_to_virtual_is_a_pivot_with_its_reason_and_the_same_mode_again_is_refused()
    {
        var program = InProgress();
        program.PivotTo(DeliveryMode.Virtual, "COVID-19 travel restrictions", null, Officer(), Now);

        Assert.Equal(DeliveryMode.Virtual, program.DeliveryMode);
        var pivot = Assert.Single(program.Pivots);
        Assert.Equal((DeliveryMode.InPerson, DeliveryMode.Virtual), (pivot.From, pivot.To));
        Assert.Throws<ValidationException>(() => program.PivotTo(DeliveryMode.Virtual, "again", null, Officer(), Now));
    }

    [Fact]
    public void Moving_a_virtual_program_in_person_needs_a_place()
    {
        var program = InProgress(Exchange() with { DeliveryMode = DeliveryMode.Virtual, Location = null });

        var error = Assert.Throws<ValidationException>(() => program.PivotTo(DeliveryMode.InPerson, "Borders reopened", null, Officer(), Now));

        Assert.Contains(error.Violations, v => v.Field == "location");
        Assert.Equal(DeliveryMode.Virtual, program.DeliveryMode);
        program.PivotTo(DeliveryMode.Hybrid, "Borders reopened", "Busan", Officer(), Now);
        Assert.Equal((DeliveryMode.Hybrid, "Busan"), (program.DeliveryMode, program.Location));
    }

    [Fact]
    public void A_cancelled_program_takes_no_further_step()
    {
        var program = InProgress();
        program.Cancel("Partner withdrew funding", Officer(), Now);

        Assert.Throws<PreconditionFailedException>(() => program.Start(Officer(), Now));
        Assert.Throws<PreconditionFailedException>(() => program.PivotTo(DeliveryMode.Hybrid, "x", "Busan", Officer(), Now));
        Assert.Throws<PreconditionFailedException>(() => program.Cancel("again", Officer(), Now));
        Assert.NotNull(program.Cancellation);
    }

    [Fact]
    public void A_biennial_festival_creates_its_next_edition_two_years_on_with_the_results_framework_but_no_actuals()
    {
        var program = InProgress(Exchange(new DateOnly(2025, 10, 1), Recurrence.Biennial) with { Type = ProgramType.Festival, Title = "Jogja-Japan Week" });
        var indicator = program.AddIndicator("Visitors", IndicatorLevel.Output, "people", 0, 5000, [], [], Now);
        program.RecordActual(indicator.Id, new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 7), 6200, new Dictionary<string, string>(),
            [new Evidence("Attendance report", "https://example.org/report.pdf")], null, Today, Officer(), Now);
        program.SubmitEvaluation(EvaluationKind.Final, EvaluationRating.HighlySatisfactory, "Record attendance", null, "Dinas Kebudayaan", null, Today, Officer(), Now);

        var next = program.Complete(Today, Today, SurabayaBusan(), Officer(), Now);

        Assert.NotNull(next);
        Assert.Equal((2, ProgramStatus.Planned, program.SeriesId, program.Id), (next.Edition, next.Status, next.SeriesId, next.PreviousEditionId));
        Assert.Equal(new DateOnly(2027, 10, 1), next.StartDate);
        Assert.Equal("Visitors", Assert.Single(next.Indicators).Name);
        Assert.Empty(next.Actuals);
        Assert.Equal(next.Id, program.NextEditionId);
        Assert.IsType<Paradiplomacy.Contracts.IntegrationEvents.ProgramCreated>(Assert.Single(next.PendingEvents));
    }

    [Fact]
    public void An_edition_the_agreement_would_not_cover_is_not_created()
    {
        var program = InProgress(Exchange(recurrence: Recurrence.Biennial));
        program.SubmitEvaluation(EvaluationKind.Final, EvaluationRating.Satisfactory, "Done", null, "Bappeda", null, Today, Officer(), Now);

        // The agreement expires before the edition two years on would end.
        Assert.Null(program.Complete(Today, Today, SurabayaBusan(expiresOn: new DateOnly(2028, 6, 30)), Officer(), Now));
        Assert.Null(program.NextEditionId);
    }

    [Fact]
    public void When_the_agreement_ends_an_open_program_is_flagged_and_cannot_start()
    {
        var program = Planned();
        program.Approve(Officer(), Now);

        Assert.True(program.FlagAgreementEnded("Terminated", Now));
        var error = Assert.Throws<PreconditionFailedException>(() => program.Start(Officer(), Now));
        Assert.Contains("Terminated", error.Message, StringComparison.Ordinal);
        Assert.False(program.FlagAgreementEnded("Terminated", Now));
    }
}
