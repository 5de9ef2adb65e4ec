using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;
using static Paradiplomacy.Agreements.Tests.Domain.TestAgreements;

namespace Paradiplomacy.Agreements.Tests.Domain;

public class AgreementLifecycleTests
{
    [Fact]
    public void Draft_to_active_takes_every_clearance_and_raises_each_event()
    {
        var agreement = Active();

        Assert.Equal(AgreementStatus.Active, agreement.Status);
        Assert.Equal(Today.AddMonths(60), agreement.ExpiryDate);
        Assert.Equal(
            [nameof(AgreementDrafted), nameof(AgreementSubmitted), nameof(ClearanceRecorded), nameof(ClearanceRecorded), nameof(ClearanceRecorded),
             nameof(AgreementSigned), nameof(AgreementActivated)],
            agreement.PendingEvents.Select(e => e.GetType().Name));
    }

    [Fact]
    public void Versions_grow_with_every_change()
    {
        var agreement = Draft();
        var before = agreement.Version;

        agreement.Submit(AllClearances, Officer("35.78"), Now);

        Assert.Equal(before + 1, agreement.Version);
    }

    [Fact]
    public void Nothing_is_signed_before_every_clearance_is_in_and_the_error_names_what_is_missing()
    {
        var agreement = Submitted();
        agreement.RecordClearance(ClearanceKind.DprdApproval, ClearanceDecision.Approved, Today, "170/DPRD", null, Officer("35.78"), Now);

        var error = Assert.Throws<PreconditionFailedException>(() =>
            agreement.Sign(InstrumentType.LetterOfIntent, Signer("A", Today), Signer("B", Today), null, Officer("35.78"), Now));

        Assert.Contains("KemendagriClearance", error.Message, StringComparison.Ordinal);
        Assert.Contains("KemluConsideration", error.Message, StringComparison.Ordinal);
        Assert.Empty(agreement.Instruments);
    }

    [Fact]
    public void A_draft_cannot_be_signed()
    {
        var error = Assert.Throws<PreconditionFailedException>(() =>
            Draft().Sign(InstrumentType.MemorandumOfUnderstanding, Signer("A", Today), Signer("B", Today), null, Officer("35.78"), Now));

        Assert.Contains("Draft", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_returned_dossier_goes_back_to_draft_with_the_comments_kept_and_a_new_round_starts()
    {
        var agreement = Submitted();
        agreement.RecordClearance(ClearanceKind.KemendagriClearance, ClearanceDecision.Returned, Today, "KDN-R1", "Add the budget plan", Reviewer("kemendagri"), Now);

        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        agreement.Submit(AllClearances, Officer("35.78"), Now);
        Assert.Equal(2, agreement.Round);
        Assert.Equal("Add the budget plan", Assert.Single(agreement.Clearances).Comments);
        Assert.Equal(3, agreement.MissingClearances().Count);
    }

    [Fact]
    public void A_rejection_ends_the_dossier()
    {
        var agreement = Submitted();
        agreement.RecordClearance(ClearanceKind.KemluConsideration, ClearanceDecision.Rejected, Today, "KLU-X", "Not in the national interest", Reviewer("kemlu"), Now);

        Assert.Equal(AgreementStatus.Rejected, agreement.Status);
        Assert.Throws<PreconditionFailedException>(() => agreement.Submit(AllClearances, Officer("35.78"), Now));
    }

    [Fact]
    public void Each_ministry_records_only_its_own_clearance()
    {
        var agreement = Submitted();

        Assert.Throws<PermissionDeniedException>(() => agreement.RecordClearance(ClearanceKind.KemendagriClearance, ClearanceDecision.Approved, Today, "X", null, Reviewer("kemlu"), Now));
        Assert.Throws<PermissionDeniedException>(() => agreement.RecordClearance(ClearanceKind.DprdApproval, ClearanceDecision.Approved, Today, "X", null, Officer("31"), Now));
        Assert.Throws<PermissionDeniedException>(() => agreement.RecordClearance(ClearanceKind.KemluConsideration, ClearanceDecision.Approved, Today, "X", null, Officer("35.78"), Now));
        Assert.Empty(agreement.Clearances);
    }

    [Fact]
    public void A_clearance_is_recorded_once_per_round_and_needs_a_reference_and_a_past_date()
    {
        var agreement = Submitted();
        agreement.RecordClearance(ClearanceKind.DprdApproval, ClearanceDecision.Approved, Today, "170/DPRD", null, Officer("35.78"), Now);

        Assert.Throws<PreconditionFailedException>(() => agreement.RecordClearance(ClearanceKind.DprdApproval, ClearanceDecision.Approved, Today, "171/DPRD", null, Officer("35.78"), Now));
        var error = Assert.Throws<ValidationException>(() => agreement.RecordClearance(ClearanceKind.KemendagriClearance, ClearanceDecision.Returned, Today.AddDays(1), "", null, Reviewer("kemendagri"), Now));
        Assert.Equal(["comments", "decided_on", "reference_number"], error.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_decision_dated_today_in_Jayapura_is_recorded_while_UTC_is_still_on_yesterday()
    {
        // 08:30 WIT on 24 November is 23:30 UTC on the 23rd; the day after has begun nowhere yet.
        var morningInPapua = new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero);
        var agreement = Submitted();

        agreement.RecordClearance(ClearanceKind.DprdApproval, ClearanceDecision.Approved, new DateOnly(2026, 11, 24), "170/DPRD", null, Officer("35.78"), morningInPapua);
        var error = Assert.Throws<ValidationException>(() =>
            agreement.RecordClearance(ClearanceKind.KemendagriClearance, ClearanceDecision.Approved, new DateOnly(2026, 11, 25), "KDN-1", null, Reviewer("kemendagri"), morningInPapua));

        Assert.Equal(new DateOnly(2026, 11, 24), agreement.Clearances.Single().DecidedOn);
        Assert.Equal(["decided_on"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void A_clearance_the_kind_does_not_need_is_refused()
    {
        var agreement = Agreement.Draft(AgreementKind.TechnicalCooperation, "Waste management", Surabaya, [Busan], ["environment"], "o", "m", 24,
            Contact.Empty, Contact.Empty, Officer("35.78"), null, Now);
        agreement.Submit([ClearanceKind.KemendagriClearance, ClearanceKind.KemluConsideration], Officer("35.78"), Now);

        var error = Assert.Throws<PreconditionFailedException>(() =>
            agreement.RecordClearance(ClearanceKind.DprdApproval, ClearanceDecision.Approved, Today, "X", null, Officer("35.78"), Now));

        Assert.Equal("CLEARANCE_NOT_REQUIRED", error.Reason);
    }

    [Fact]
    public void Signing_dates_cannot_be_in_the_future_and_effect_cannot_precede_signing()
    {
        var agreement = Cleared();

        var error = Assert.Throws<ValidationException>(() => agreement.Sign(InstrumentType.MemorandumOfUnderstanding,
            Signer("A", Today.AddDays(2)), Signer("B", Today), Today.AddDays(1), Officer("35.78"), Now));

        Assert.Contains(error.Violations, v => v.Field == "indonesian_signatory.signed_on");
        Assert.Contains(error.Violations, v => v.Field == "effective_date");
    }

    [Fact]
    public void A_letter_of_intent_keeps_the_agreement_cleared_then_the_MoU_with_a_later_effective_date_signs_it()
    {
        var agreement = Cleared();
        var loi = new DateOnly(2017, 5, 17);

        agreement.Sign(InstrumentType.LetterOfIntent, Signer("Tri Rismaharini", loi), Signer("Joe Anderson", loi), null, Officer("35.78"), Now);
        Assert.Equal(AgreementStatus.Cleared, agreement.Status);
        agreement.Sign(InstrumentType.MemorandumOfUnderstanding, Signer("Eri Cahyadi", Today), Signer("Liam Robinson", Today), Today.AddDays(10), Officer("35.78"), Now);

        Assert.Equal(AgreementStatus.Signed, agreement.Status);
        Assert.False(agreement.ActivateIfDue(Today, "system", Now));
        Assert.True(agreement.ActivateIfDue(Today.AddDays(10), "system", Now));
        Assert.Equal(AgreementStatus.Active, agreement.Status);
    }

    [Fact]
    public void Notice_points_are_announced_once_each_and_the_agreement_expires_on_its_date()
    {
        var agreement = Active(effective: Today);
        agreement.ClearEvents();
        var expiry = agreement.ExpiryDate!.Value;
        int[] points = [180, 90, 30];

        agreement.CheckExpiry(points, expiry.AddDays(-200), Now);
        agreement.CheckExpiry(points, expiry.AddDays(-180), Now);
        agreement.CheckExpiry(points, expiry.AddDays(-170), Now);
        agreement.CheckExpiry(points, expiry.AddDays(-30), Now); // 90 was skipped over: announced with 30 as one notice
        agreement.CheckExpiry(points, expiry, Now);

        var notices = agreement.PendingEvents.OfType<AgreementExpiring>().Select(e => e.DaysBeforeExpiry).ToList();
        Assert.Equal([180, 30], notices);
        Assert.Equal([180, 90, 30], agreement.NoticesSent);
        Assert.Equal(AgreementStatus.Expired, agreement.Status);
        Assert.IsType<AgreementExpired>(agreement.PendingEvents[^1]);
    }

    [Fact]
    public void Termination_records_who_when_and_why()
    {
        var agreement = Active();

        agreement.Terminate("Programs ended; no budget", Today, Officer("35.78"), Now);

        Assert.Equal(AgreementStatus.Terminated, agreement.Status);
        Assert.Equal(new Termination("officer@35.78", Today, "Programs ended; no budget"), agreement.Termination);
        Assert.Throws<PreconditionFailedException>(() => agreement.Terminate("again", Today, Officer("35.78"), Now));
    }

    [Fact]
    public void A_renewal_is_a_new_draft_version_linked_to_its_parent_and_supersedes_it_later()
    {
        var agreement = Active();

        var renewal = agreement.StartNextVersion(VersionRelation.Renewal, 36, Officer("35.78"), Now);
        agreement.Supersede("system", Now);

        Assert.Equal(AgreementStatus.Draft, renewal.Status);
        Assert.Equal(agreement.Id, renewal.ParentId);
        Assert.Equal(2, renewal.VersionNumber);
        Assert.Equal(36, renewal.ValidityMonths);
        Assert.Equal(agreement.Fields, renewal.Fields);
        Assert.IsType<AgreementRenewed>(Assert.Single(renewal.PendingEvents));
        Assert.Equal(AgreementStatus.Superseded, agreement.Status);
    }

    [Fact]
    public void Only_an_active_agreement_can_be_amended_and_only_an_active_or_expired_one_renewed()
    {
        Assert.Throws<PreconditionFailedException>(() => Draft().StartNextVersion(VersionRelation.Amendment, null, Officer("35.78"), Now));
        Assert.Throws<PreconditionFailedException>(() => Cleared().StartNextVersion(VersionRelation.Renewal, null, Officer("35.78"), Now));
    }

    [Fact]
    public void An_officer_of_another_region_cannot_draft_or_change_it()
    {
        Assert.Throws<PermissionDeniedException>(() => Draft(Officer("31")));
        var agreement = Draft();
        Assert.Throws<PermissionDeniedException>(() => agreement.Submit(AllClearances, Officer("31"), Now));
        Assert.Throws<PermissionDeniedException>(() => agreement.Submit(AllClearances, Reviewer("kemendagri"), Now));
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
    }

    [Fact]
    public void Content_rules_name_every_bad_field()
    {
        var error = Assert.Throws<ValidationException>(() => Agreement.Draft(AgreementKind.SisterCity, "", Surabaya,
            [Liverpool, Liverpool, new Party("idn-34", "DI YOGYAKARTA", "ID", "34")], ["maritime", "astrology"], null, null, 0,
            Contact.Empty, Contact.Empty, Officer("35.78"), null, Now));

        Assert.Equal(
            ["agreement.fields[1]", "agreement.foreign_parties", "agreement.foreign_parties[2].city_id", "agreement.title", "agreement.validity_months"],
            error.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_incomplete_dossier_cannot_be_submitted()
    {
        var agreement = Agreement.Draft(AgreementKind.SisterCity, "Surabaya–Busan", Surabaya, [Busan], ["education"], null, null, 60,
            Contact.Empty, Contact.Empty, Officer("35.78"), null, Now);

        var error = Assert.Throws<PreconditionFailedException>(() => agreement.Submit(AllClearances, Officer("35.78"), Now));

        Assert.Contains("objectives and mechanisms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_diff_lists_only_the_fields_that_changed()
    {
        var agreement = Submitted();
        var before = agreement.AuditSnapshot();

        agreement.RecordClearance(ClearanceKind.DprdApproval, ClearanceDecision.Returned, Today, "170/DPRD", "Clarify funding", Officer("35.78"), Now);
        var changes = AuditTrail.Diff(before, agreement.AuditSnapshot());

        Assert.Equal(["status", "clearances"], changes.Select(c => c.Field));
        Assert.Equal("Submitted", changes[0].OldValue);
        Assert.Equal("Draft", changes[0].NewValue);
    }
}
