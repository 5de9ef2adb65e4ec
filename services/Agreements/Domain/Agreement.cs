using Paradiplomacy.Agreements.IntegrationEvents;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Contracts;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;
using Paradiplomacy.ServiceDefaults.Api;

namespace Paradiplomacy.Agreements.Domain;

/// <summary>A partnership's legal life, as a state machine:
/// Draft → Submitted → (every required clearance approved) Cleared → Signed → Active → Expired,
/// with Returned sending a dossier back to Draft, Rejected ending it, Terminated ending an active
/// one early, and Superseded closing a version whose renewal or amendment took effect.
/// Every change bumps <see cref="Version"/> (the etag) and queues the event that announces it.</summary>
public sealed class Agreement : AggregateRoot
{
    public const int MaxValidityMonths = 600;
    public const int MaxText = 4000;
    public const int MaxTitle = 200;

    private Agreement()
    {
    }

    public AgreementKind Kind { get; private init; }
    public AgreementStatus Status { get; private set; }
    public string Title { get; private set; } = null!;
    public Party IndonesianParty { get; private init; } = null!;
    public string IndonesianPartyId { get; private init; } = null!;
    /// <summary>Kemendagri code of the Indonesian party: whose officers may change the agreement.</summary>
    public string RegionCode { get; private init; } = null!;
    public List<Party> ForeignParties { get; private set; } = [];
    /// <summary>Registry ids and countries of the parties abroad, kept as columns for lists and rules.</summary>
    public List<string> PartnerIds { get; private set; } = [];
    public List<string> PartnerCountries { get; private set; } = [];
    public List<string> Fields { get; private set; } = [];
    public string? Objectives { get; private set; }
    public string? Mechanisms { get; private set; }
    public int ValidityMonths { get; private set; }
    public DateOnly? EffectiveDate { get; private set; }
    public DateOnly? ExpiryDate { get; private set; }
    public Contact IndonesianContact { get; private set; } = Contact.Empty;
    public Contact ForeignContact { get; private set; } = Contact.Empty;
    public List<ClearanceKind> RequiredClearances { get; private set; } = [];
    public List<Clearance> Clearances { get; private set; } = [];
    public List<Instrument> Instruments { get; private set; } = [];
    public string? ParentId { get; private init; }
    public int VersionNumber { get; private init; } = 1;
    public VersionRelation Relation { get; private init; } = VersionRelation.Original;
    public Termination? Termination { get; private set; }
    public Withdrawal? Withdrawal { get; private set; }
    public Registration? Registration { get; private init; }
    /// <summary>Expiry notice points (days before expiry) already announced.</summary>
    public List<int> NoticesSent { get; private set; } = [];
    public int Round { get; private set; }
    public string CreatedBy { get; private init; } = null!;
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public override IReadOnlyDictionary<string, string?> AuditSnapshot() => AgreementAudit.Snapshot(this);

    /// <summary>Only regional officers draft agreements (for their own region, checked once the party is known).</summary>
    public static void RequireDrafter(Caller caller)
    {
        if (!caller.HasRole(Roles.RegionalOfficer))
        {
            throw new PermissionDeniedException("Only a regional officer drafts agreements, for their own region.");
        }
    }

    public static Agreement Draft(AgreementKind kind, string title, Party indonesianParty, IReadOnlyList<Party> foreignParties,
        IReadOnlyList<string> fields, string? objectives, string? mechanisms, int validityMonths, Contact indonesianContact,
        Contact foreignContact, Caller caller, string? requestId, DateTimeOffset now, PartyLevelRule? levels = null)
    {
        var agreement = New(kind, AgreementStatus.Draft, indonesianParty, caller, requestId, now, registration: null);
        agreement.RequireOfficer(caller, "draft");
        agreement.SetContent(title, foreignParties, fields, objectives, mechanisms, validityMonths, indonesianContact, foreignContact, levels ?? PartyLevelRule.Default);
        agreement.Raise(caller, (a, actor) => AgreementEvents.Drafted(a, actor));
        return agreement;
    }

    /// <summary>An agreement signed before the region used the platform: its instruments with their real
    /// dates and signatories, in effect from <paramref name="effectiveDate"/> (else the latest binding
    /// signature) for its validity. Registered rather than cleared here; from today's date it is
    /// SIGNED (takes effect later), ACTIVE or EXPIRED, and then lives like any other.</summary>
    public static Agreement RegisterExisting(AgreementKind kind, string title, Party indonesianParty, IReadOnlyList<Party> foreignParties,
        IReadOnlyList<string> fields, string? objectives, string? mechanisms, int validityMonths, Contact indonesianContact,
        Contact foreignContact, IReadOnlyList<Instrument> instruments, DateOnly? effectiveDate, string source, Caller caller,
        string? requestId, DateOnly today, DateTimeOffset now, PartyLevelRule? levels = null)
    {
        var agreement = New(kind, AgreementStatus.Cleared, indonesianParty, caller, requestId, now, new Registration(caller.Describe(), now, source.Trim()));
        agreement.RequireOfficer(caller, "register");
        var violations = new Violations().Required("source", source).MaxLength("source", source, MaxText);
        if (instruments.Count == 0)
        {
            violations.Add("instruments", "name what was signed: the Letter of Intent, MoU or agreement, with both signatories");
        }
        for (var i = 0; i < instruments.Count; i++)
        {
            CheckSignatory(violations, $"instruments[{i}].indonesian_signatory", instruments[i].IndonesianSignatory, now);
            CheckSignatory(violations, $"instruments[{i}].foreign_signatory", instruments[i].ForeignSignatory, now);
        }
        if (instruments.GroupBy(i => i.Type).Any(g => g.Count() > 1))
        {
            violations.Add("instruments", "each kind of instrument once");
        }
        var binding = instruments.Where(i => i.Type != InstrumentType.LetterOfIntent).Select(i => i.SignedOn).DefaultIfEmpty().Max();
        if (effectiveDate is { } given && binding != default && given < binding)
        {
            violations.Add("effective_date", $"cannot be before both sides signed ({binding:yyyy-MM-dd})");
        }
        if (effectiveDate is not null && binding == default)
        {
            violations.Add("effective_date", "only an MoU or an agreement takes effect; a Letter of Intent alone does not");
        }
        try
        {
            agreement.SetContent(title, foreignParties, fields, objectives, mechanisms, validityMonths, indonesianContact, foreignContact, levels ?? PartyLevelRule.Default);
        }
        catch (ValidationException content)
        {
            foreach (var v in content.Violations)
            {
                violations.Add(v.Field, v.Description);
            }
        }
        violations.ThrowIfAny();

        agreement.Instruments = [.. instruments.OrderBy(i => i.SignedOn)];
        if (binding != default)
        {
            agreement.EffectiveDate = effectiveDate ?? binding;
            agreement.ExpiryDate = agreement.EffectiveDate.Value.AddMonths(agreement.ValidityMonths);
            agreement.Status = agreement.ExpiryDate <= today ? AgreementStatus.Expired
                : agreement.EffectiveDate <= today ? AgreementStatus.Active
                : AgreementStatus.Signed;
        }
        // Consumers keep their projections (the registry's current partners) from these, as for one signed here.
        agreement.Raise(caller, (a, actor) => a.Status switch
        {
            AgreementStatus.Active => AgreementEvents.Activated(a, actor),
            AgreementStatus.Expired => AgreementEvents.Expired(a, actor),
            _ => AgreementEvents.Registered(a, actor),
        });
        return agreement;
    }

    public IReadOnlyList<string> ForeignPartyIds => PartnerIds;

    /// <summary>Changes a draft's content; anything else is fixed once submitted.</summary>
    public void Revise(string title, IReadOnlyList<Party> foreignParties, IReadOnlyList<string> fields, string? objectives, string? mechanisms,
        int validityMonths, Contact indonesianContact, Contact foreignContact, Caller caller, DateTimeOffset now, PartyLevelRule? levels = null)
    {
        RequireOfficer(caller, "change");
        RequireStatus("change", AgreementStatus.Draft);
        SetContent(title, foreignParties, fields, objectives, mechanisms, validityMonths, indonesianContact, foreignContact, levels ?? PartyLevelRule.Default);
        Touch(now);
    }

    public void Submit(IReadOnlyList<ClearanceKind> requiredClearances, Caller caller, DateTimeOffset now)
    {
        RequireOfficer(caller, "submit");
        RequireStatus("submit", AgreementStatus.Draft);
        if (string.IsNullOrWhiteSpace(Objectives) || string.IsNullOrWhiteSpace(Mechanisms))
        {
            var missing = new[] { ("objectives", Objectives), ("mechanisms", Mechanisms) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1);
            throw new PreconditionFailedException($"The dossier is incomplete: state its {string.Join(" and ", missing)} before submitting.", "DOSSIER_INCOMPLETE");
        }
        RequiredClearances = [.. requiredClearances];
        Round++;
        Status = RequiredClearances.Count == 0 ? AgreementStatus.Cleared : AgreementStatus.Submitted;
        Touch(now);
        Raise(caller, (a, actor) => AgreementEvents.Submitted(a, actor));
    }

    /// <summary>Records DPRD's, Kemendagri's or Kemlu's decision on the current submission.</summary>
    public void RecordClearance(ClearanceKind kind, ClearanceDecision decision, DateOnly decidedOn, string referenceNumber, string? comments,
        Caller caller, DateTimeOffset now)
    {
        if (!CanDecide(kind, caller))
        {
            throw new PermissionDeniedException(kind switch
            {
                ClearanceKind.DprdApproval => $"Only the office of {IndonesianParty.Name} records its DPRD's decision.",
                ClearanceKind.KemendagriClearance => "Only a Kemendagri reviewer records Kemendagri's clearance.",
                _ => "Only a Kemlu reviewer records Kemlu's consideration.",
            });
        }
        RequireStatus("record a clearance on", AgreementStatus.Submitted);
        if (!RequiredClearances.Contains(kind))
        {
            throw new PreconditionFailedException($"A {Kind} agreement does not need {kind}; it needs {string.Join(", ", RequiredClearances)}.", "CLEARANCE_NOT_REQUIRED");
        }
        if (Clearances.Any(c => c.Round == Round && c.Kind == kind))
        {
            throw new PreconditionFailedException($"{kind} has already decided on this submission.", "CLEARANCE_ALREADY_RECORDED");
        }
        var violations = new Violations().Required("reference_number", referenceNumber).MaxLength("reference_number", referenceNumber, 100)
            .MaxLength("comments", comments, MaxText);
        if (CalendarDay.IsFuture(decidedOn, now))
        {
            violations.Add("decided_on", "cannot be in the future");
        }
        if (decision != ClearanceDecision.Approved && string.IsNullOrWhiteSpace(comments))
        {
            violations.Add("comments", "say why the dossier is returned or rejected");
        }
        violations.ThrowIfAny();

        Clearances.Add(new Clearance(kind, decision, caller.Describe(), decidedOn, referenceNumber.Trim(), comments?.Trim(), Round));
        Status = decision switch
        {
            ClearanceDecision.Returned => AgreementStatus.Draft,
            ClearanceDecision.Rejected => AgreementStatus.Rejected,
            _ => MissingClearances().Count == 0 ? AgreementStatus.Cleared : AgreementStatus.Submitted,
        };
        Touch(now);
        Raise(caller, (a, actor) => AgreementEvents.ClearanceRecorded(a, actor, kind.ToString(), decision.ToString(), referenceNumber));
    }

    /// <summary>Required clearances not yet approved in the current submission.</summary>
    public IReadOnlyList<ClearanceKind> MissingClearances() =>
        RequiredClearances.Where(k => !Clearances.Any(c => c.Round == Round && c.Kind == k && c.Decision == ClearanceDecision.Approved)).ToList();

    /// <summary>Records a signed instrument. A Letter of Intent leaves the agreement cleared; the MoU
    /// or agreement signs it, and it is active at once if its effective date has come.</summary>
    public void Sign(InstrumentType type, Signatory indonesian, Signatory foreign, DateOnly? effectiveDate, Caller caller, DateTimeOffset now)
    {
        RequireOfficer(caller, "sign");
        if (Status == AgreementStatus.Submitted)
        {
            throw new PreconditionFailedException(
                $"Nothing can be signed before every clearance is in; missing: {string.Join(", ", MissingClearances())}.", "CLEARANCE_MISSING");
        }
        RequireStatus("sign", AgreementStatus.Cleared);
        var violations = new Violations();
        CheckSignatory(violations, "indonesian_signatory", indonesian, now);
        CheckSignatory(violations, "foreign_signatory", foreign, now);
        if (Instruments.Any(i => i.Type == type))
        {
            violations.Add("instrument", $"{type} is already signed");
        }
        var instrument = new Instrument(type, indonesian, foreign);
        var effective = effectiveDate ?? instrument.SignedOn;
        if (type != InstrumentType.LetterOfIntent && effective < instrument.SignedOn)
        {
            violations.Add("effective_date", "cannot be before both sides signed");
        }
        violations.ThrowIfAny();

        Instruments.Add(instrument);
        if (type != InstrumentType.LetterOfIntent)
        {
            EffectiveDate = effective;
            ExpiryDate = effective.AddMonths(ValidityMonths);
            Status = AgreementStatus.Signed;
        }
        Touch(now);
        Raise(caller, (a, actor) => AgreementEvents.Signed(a, actor, type.ToString(), instrument.SignedOn));
    }

    /// <summary>A signed agreement takes effect on its effective date.</summary>
    public bool ActivateIfDue(DateOnly today, string actor, DateTimeOffset now)
    {
        if (Status != AgreementStatus.Signed || EffectiveDate > today)
        {
            return false;
        }
        Status = AgreementStatus.Active;
        Touch(now);
        Raise(actor, (a, who) => AgreementEvents.Activated(a, who));
        return true;
    }

    /// <summary>Announces each notice point reached (once), and expires the agreement on its expiry date.</summary>
    public void CheckExpiry(IReadOnlyList<int> noticeDays, DateOnly today, DateTimeOffset now)
    {
        if (Status != AgreementStatus.Active || ExpiryDate is not { } expiry)
        {
            return;
        }
        if (today >= expiry)
        {
            Status = AgreementStatus.Expired;
            Touch(now);
            Raise("system", (a, who) => AgreementEvents.Expired(a, who));
            return;
        }
        var daysLeft = expiry.DayNumber - today.DayNumber;
        var reached = noticeDays.Where(d => daysLeft <= d && !NoticesSent.Contains(d)).ToList();
        if (reached.Count == 0)
        {
            return;
        }
        // Points passed together (an agreement signed late in its term) are announced once, as the nearest.
        NoticesSent.AddRange(reached);
        var nearest = reached.Min();
        Touch(now);
        Raise("system", (a, who) => AgreementEvents.Expiring(a, who, nearest, expiry));
    }

    public void Terminate(string reason, DateOnly terminatedOn, Caller caller, DateTimeOffset now)
    {
        RequireOfficer(caller, "terminate");
        RequireStatus("terminate", AgreementStatus.Active, AgreementStatus.Signed);
        var violations = new Violations().Required("reason", reason).MaxLength("reason", reason, MaxText);
        if (CalendarDay.IsFuture(terminatedOn, now))
        {
            violations.Add("terminated_on", "cannot be in the future");
        }
        else if (EffectiveDate is { } effective && terminatedOn < effective)
        {
            violations.Add("terminated_on", $"cannot be before the agreement took effect on {effective:yyyy-MM-dd}");
        }
        violations.ThrowIfAny();
        Termination = new Termination(caller.Describe(), terminatedOn, reason.Trim());
        Status = AgreementStatus.Terminated;
        Touch(now);
        Raise(caller, (a, actor) => AgreementEvents.Terminated(a, actor, reason));
    }

    /// <summary>The region abandons a dossier before it is signed: a draft, or one awaiting or past its
    /// clearances. It stays on record, with who withdrew it, when and why.</summary>
    public void Withdraw(string reason, Caller caller, DateOnly today, DateTimeOffset now)
    {
        RequireOfficer(caller, "withdraw");
        RequireStatus("withdraw", AgreementStatus.Draft, AgreementStatus.Submitted, AgreementStatus.Cleared);
        new Violations().Required("reason", reason).MaxLength("reason", reason, MaxText).ThrowIfAny();
        Withdrawal = new Withdrawal(caller.Describe(), today, reason.Trim());
        Status = AgreementStatus.Withdrawn;
        Touch(now);
        Raise(caller, (a, actor) => AgreementEvents.Withdrawn(a, actor, a.Withdrawal!.Reason));
    }

    /// <summary>Starts the next version, in draft, carrying this one's content.</summary>
    public Agreement StartNextVersion(VersionRelation relation, int? validityMonths, Caller caller, DateTimeOffset now)
    {
        RequireOfficer(caller, relation == VersionRelation.Renewal ? "renew" : "amend");
        if (relation == VersionRelation.Renewal)
        {
            RequireStatus("renew", AgreementStatus.Active, AgreementStatus.Expired);
        }
        else
        {
            RequireStatus("amend", AgreementStatus.Active);
        }
        var next = new Agreement
        {
            Id = $"agr-{Guid.NewGuid():N}",
            Kind = Kind,
            Status = AgreementStatus.Draft,
            IndonesianParty = IndonesianParty,
            IndonesianPartyId = IndonesianPartyId,
            RegionCode = RegionCode,
            ParentId = Id,
            VersionNumber = VersionNumber + 1,
            Relation = relation,
            CreatedBy = caller.Describe(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        next.SetContent(Title, ForeignParties, Fields, Objectives, Mechanisms, validityMonths is > 0 ? validityMonths.Value : ValidityMonths,
            IndonesianContact, ForeignContact, levels: null);
        next.Raise(caller, (a, actor) => relation == VersionRelation.Renewal
            ? AgreementEvents.Renewed(a, actor, Id)
            : AgreementEvents.Amended(a, actor, Id));
        return next;
    }

    /// <summary>Closes this version when the next one takes effect.</summary>
    public void Supersede(string actor, DateTimeOffset now)
    {
        if (Status is not (AgreementStatus.Active or AgreementStatus.Expired or AgreementStatus.Signed))
        {
            return;
        }
        Status = AgreementStatus.Superseded;
        Touch(now);
        Raise(actor, (a, who) => AgreementEvents.Terminated(a, who, "superseded by a later version"));
    }

    /// <summary>Statuses of partnerships that were signed: their public facts are open data.</summary>
    public static readonly IReadOnlyList<AgreementStatus> PublicStatuses =
        [AgreementStatus.Signed, AgreementStatus.Active, AgreementStatus.Expired, AgreementStatus.Terminated, AgreementStatus.Superseded];

    /// <summary>An officer of the Indonesian party's region.</summary>
    public bool CanBeChangedBy(Caller caller) => caller.CanManageRegion(RegionCode);

    /// <summary>What <paramref name="caller"/> may see of this agreement: the region's officers and
    /// ministry reviewers all of it; a partner key bound to one of its parties all but the audit;
    /// anyone else the public facts once it was signed, and nothing of a dossier before that.</summary>
    public AgreementView ViewFor(Caller caller)
    {
        if (caller.CanManageRegion(RegionCode) || caller.HasRole(Roles.MinistryReviewer))
        {
            return AgreementView.Full;
        }
        if (caller.HasRole(Roles.Partner) && caller.RegionCode is { } city && (PartnerIds.Contains(city) || IndonesianPartyId == city))
        {
            return AgreementView.Party;
        }
        return PublicStatuses.Contains(Status) ? AgreementView.Public : AgreementView.None;
    }

    /// <summary>The region's officers run its agreements; ministry reviewers act on them only to record
    /// their clearance. Anyone else is refused before anything about the request is looked at.</summary>
    public override void AuthorizeChange(Caller caller)
    {
        if (!CanBeChangedBy(caller) && !caller.HasRole(Roles.MinistryReviewer))
        {
            throw new PermissionDeniedException($"Only an officer of {IndonesianParty.Name} ({RegionCode}) may change its agreements.");
        }
    }

    /// <summary>(Indonesian party, foreign party) pairs, for the one-active-agreement-per-pair rule.</summary>
    public IEnumerable<(string Indonesian, string Foreign)> Pairs() => PartnerIds.Select(p => (IndonesianPartyId, p));

    private bool CanDecide(ClearanceKind kind, Caller caller) => kind switch
    {
        ClearanceKind.DprdApproval => caller.CanManageRegion(RegionCode),
        ClearanceKind.KemendagriClearance => caller.HasRole(Roles.MinistryReviewer) && caller.Ministry == "kemendagri",
        ClearanceKind.KemluConsideration => caller.HasRole(Roles.MinistryReviewer) && caller.Ministry == "kemlu",
        _ => false,
    };

    private void SetContent(string title, IReadOnlyList<Party> foreignParties, IReadOnlyList<string> fields, string? objectives, string? mechanisms,
        int validityMonths, Contact indonesianContact, Contact foreignContact, PartyLevelRule? levels)
    {
        var violations = new Violations()
            .Required("agreement.title", title)
            .MaxLength("agreement.title", title, MaxTitle)
            .MaxLength("agreement.objectives", objectives, MaxText)
            .MaxLength("agreement.mechanisms", mechanisms, MaxText);
        if (foreignParties.Count == 0)
        {
            violations.Add("agreement.foreign_parties", "name at least one government abroad");
        }
        else if (foreignParties.Count > 20)
        {
            violations.Add("agreement.foreign_parties", "at most 20 parties");
        }
        for (var i = 0; i < foreignParties.Count; i++)
        {
            if (foreignParties[i].CountryCode == "ID")
            {
                violations.Add($"agreement.foreign_parties[{i}].city_id", $"{foreignParties[i].Name} is Indonesian; the other side must be abroad");
            }
        }
        levels?.Check(Kind, IndonesianParty, foreignParties, violations);
        if (foreignParties.Select(p => p.CityId).Distinct().Count() != foreignParties.Count)
        {
            violations.Add("agreement.foreign_parties", "a party is named twice");
        }
        if (fields.Count == 0)
        {
            violations.Add("agreement.fields", "name at least one field of cooperation");
        }
        for (var i = 0; i < fields.Count; i++)
        {
            if (!CooperationFields.IsKnown(fields[i]))
            {
                violations.Add($"agreement.fields[{i}]", $"'{fields[i]}' is not a field of cooperation; use one of: {string.Join(", ", CooperationFields.All.Order())}");
            }
        }
        if (validityMonths is < 1 or > MaxValidityMonths)
        {
            violations.Add("agreement.validity_months", $"must be between 1 and {MaxValidityMonths}");
        }
        violations.ThrowIfAny();

        Title = title.Trim();
        ForeignParties = [.. foreignParties];
        PartnerIds = foreignParties.Select(p => p.CityId).ToList();
        PartnerCountries = foreignParties.Select(p => p.CountryCode).Distinct().ToList();
        Fields = fields.Distinct(StringComparer.Ordinal).ToList();
        Objectives = objectives?.Trim();
        Mechanisms = mechanisms?.Trim();
        ValidityMonths = validityMonths;
        IndonesianContact = indonesianContact;
        ForeignContact = foreignContact;
    }

    private static void CheckSignatory(Violations violations, string field, Signatory signatory, DateTimeOffset now)
    {
        violations.Required($"{field}.name", signatory.Name).MaxLength($"{field}.name", signatory.Name, 200)
            .Required($"{field}.title", signatory.Title).MaxLength($"{field}.title", signatory.Title, 200)
            .Required($"{field}.place", signatory.Place).MaxLength($"{field}.place", signatory.Place, 200);
        if (CalendarDay.IsFuture(signatory.SignedOn, now))
        {
            violations.Add($"{field}.signed_on", "cannot be in the future");
        }
        if (signatory.SignedOn == default)
        {
            violations.Add($"{field}.signed_on", "is required");
        }
    }

    private static Agreement New(AgreementKind kind, AgreementStatus status, Party indonesianParty, Caller caller, string? requestId,
        DateTimeOffset now, Registration? registration) => new()
        {
            Id = $"agr-{Guid.NewGuid():N}",
            Kind = kind,
            Status = status,
            IndonesianParty = indonesianParty,
            IndonesianPartyId = indonesianParty.CityId,
            RegionCode = indonesianParty.RegionCode ?? string.Empty,
            RequestId = requestId,
            CreatedBy = caller.Describe(),
            CreatedAt = now,
            UpdatedAt = now,
            Registration = registration,
        };

    private void RequireOfficer(Caller caller, string action)
    {
        if (!CanBeChangedBy(caller))
        {
            throw new PermissionDeniedException($"Only an officer of {IndonesianParty.Name} ({RegionCode}) may {action} its agreements.");
        }
    }

    private void RequireStatus(string action, params AgreementStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new PreconditionFailedException(
                $"Cannot {action} an agreement that is {Status}; it must be {string.Join(" or ", allowed)}.", "WRONG_STATUS");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }

    private void Raise(Caller caller, Func<Agreement, string, IntegrationEvent> create) => Raise(caller.Describe(), create);

    private void Raise(string actor, Func<Agreement, string, IntegrationEvent> create) => Raise(create(this, actor));
}
