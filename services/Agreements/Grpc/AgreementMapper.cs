using Google.Protobuf.WellKnownTypes;
using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Api;
using V1 = Paradiplomacy.Contracts.Agreements.V1;

namespace Paradiplomacy.Agreements.Grpc;

/// <summary>Translates between the domain and the v1 contract.</summary>
public static class AgreementMapper
{
    public static V1.Agreement ToProto(this Agreement a, IEnumerable<AgreementDocument> documents)
    {
        var proto = new V1.Agreement
        {
            Id = a.Id,
            Kind = (V1.AgreementKind)(int)a.Kind,
            Status = (V1.AgreementStatus)(int)a.Status,
            Title = a.Title,
            IndonesianParty = a.IndonesianParty.ToProto(),
            Objectives = a.Objectives ?? string.Empty,
            Mechanisms = a.Mechanisms ?? string.Empty,
            ValidityMonths = a.ValidityMonths,
            EffectiveDate = a.EffectiveDate?.ToProto(),
            ExpiryDate = a.ExpiryDate?.ToProto(),
            IndonesianContact = a.IndonesianContact.ToProto(),
            ForeignContact = a.ForeignContact.ToProto(),
            ParentId = a.ParentId ?? string.Empty,
            VersionNumber = a.VersionNumber,
            Relation = (V1.VersionRelation)(int)a.Relation,
            Etag = a.Etag,
            Round = a.Round,
            CreateTime = Timestamp.FromDateTimeOffset(a.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(a.UpdatedAt),
        };
        proto.ForeignParties.AddRange(a.ForeignParties.Select(p => p.ToProto()));
        proto.Fields.AddRange(a.Fields);
        proto.RequiredClearances.AddRange(a.RequiredClearances.Select(k => (V1.ClearanceKind)(int)k));
        if (a.Status == AgreementStatus.Submitted)
        {
            proto.PendingClearances.AddRange(a.MissingClearances().Select(k => (V1.ClearanceKind)(int)k));
        }
        proto.Clearances.AddRange(a.Clearances.Select(c => new V1.Clearance
        {
            Kind = (V1.ClearanceKind)(int)c.Kind,
            Decision = (V1.ClearanceDecision)(int)c.Decision,
            Reviewer = c.Reviewer,
            DecidedOn = c.DecidedOn.ToProto(),
            ReferenceNumber = c.ReferenceNumber,
            Comments = c.Comments ?? string.Empty,
            Round = c.Round,
        }));
        proto.Instruments.AddRange(a.Instruments.Select(i => new V1.Instrument
        {
            Type = (V1.InstrumentType)(int)i.Type,
            IndonesianSignatory = i.IndonesianSignatory.ToProto(),
            ForeignSignatory = i.ForeignSignatory.ToProto(),
        }));
        proto.Documents.AddRange(documents.Select(d => d.ToProto()));
        if (a.Registration is { } r)
        {
            proto.Registration = new V1.Registration { RegisteredBy = r.RegisteredBy, RegisterTime = Timestamp.FromDateTimeOffset(r.RegisteredAt), Source = r.Source };
        }
        if (a.Withdrawal is { } w)
        {
            proto.Withdrawal = new V1.Withdrawal { WithdrawnBy = w.WithdrawnBy, WithdrawnOn = w.WithdrawnOn.ToProto(), Reason = w.Reason };
        }
        if (a.Termination is { } t)
        {
            proto.Termination = new V1.Termination { TerminatedBy = t.TerminatedBy, TerminatedOn = t.TerminatedOn.ToProto(), Reason = t.Reason };
        }
        return proto;
    }

    /// <summary>The agreement as <paramref name="view"/> may see it (never called for <see cref="AgreementView.None"/>).</summary>
    public static V1.Agreement ToProto(this Agreement a, IEnumerable<AgreementDocument> documents, AgreementView view)
    {
        if (view is AgreementView.Full or AgreementView.Party)
        {
            return a.ToProto(documents);
        }
        // Open data: the public facts only. Contacts and signatories are personal data (UU PDP 27/2022);
        // objectives, clearance comments and documents are the region's working papers.
        var proto = a.ToProto([]);
        proto.Objectives = string.Empty;
        proto.Mechanisms = string.Empty;
        proto.IndonesianContact = null;
        proto.ForeignContact = null;
        foreach (var clearance in proto.Clearances)
        {
            clearance.Reviewer = string.Empty;
            clearance.Comments = string.Empty;
        }
        foreach (var instrument in proto.Instruments)
        {
            instrument.IndonesianSignatory = new V1.Signatory { SignedOn = instrument.IndonesianSignatory?.SignedOn };
            instrument.ForeignSignatory = new V1.Signatory { SignedOn = instrument.ForeignSignatory?.SignedOn };
        }
        if (proto.Termination is { } termination)
        {
            termination.TerminatedBy = string.Empty;
        }
        proto.Withdrawal = null;
        if (proto.Registration is { } registration)
        {
            registration.RegisteredBy = string.Empty;
        }
        return proto;
    }

    public static V1.Document ToProto(this AgreementDocument d) => new()
    {
        Id = d.Id,
        Title = d.Title,
        Language = d.Language,
        LegallyBinding = d.LegallyBinding,
        Version = d.Version,
        ContentType = d.ContentType,
        SizeBytes = d.SizeBytes,
        Sha256 = d.Sha256,
        UploadedBy = d.UploadedBy,
        UploadTime = Timestamp.FromDateTimeOffset(d.UploadedAt),
    };

    public static V1.AuditRecord ToProto(this AuditRecord r)
    {
        var proto = new V1.AuditRecord { AgreementId = r.AggregateId, Actor = r.Actor, Time = Timestamp.FromDateTimeOffset(r.At), Action = r.Action };
        proto.Changes.AddRange(r.Changes.Select(c => new V1.FieldChange { Field = c.Field, OldValue = c.OldValue ?? string.Empty, NewValue = c.NewValue ?? string.Empty }));
        return proto;
    }

    public static Contact ToDomain(this V1.Contact? c) => c is null
        ? Contact.Empty
        : new Contact(Blank(c.Name), Blank(c.Title), Blank(c.Email), Blank(c.Phone));

    private static V1.Party ToProto(this Party p) => new() { CityId = p.CityId, Name = p.Name, CountryCode = p.CountryCode, RegionCode = p.RegionCode ?? string.Empty };

    private static V1.Contact ToProto(this Contact c) => new() { Name = c.Name ?? string.Empty, Title = c.Title ?? string.Empty, Email = c.Email ?? string.Empty, Phone = c.Phone ?? string.Empty };

    private static V1.Signatory ToProto(this Signatory s) => new() { Name = s.Name, Title = s.Title, SignedOn = s.SignedOn.ToProto(), Place = s.Place };

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
