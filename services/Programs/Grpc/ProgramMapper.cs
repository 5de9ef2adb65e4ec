using Google.Protobuf.WellKnownTypes;
using Paradiplomacy.Programs.Domain;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Api;
using V1 = Paradiplomacy.Contracts.Programs.V1;

namespace Paradiplomacy.Programs.Grpc;

/// <summary>The domain in the contract's shape, cut to what the caller's view allows.</summary>
public static class ProgramMapper
{
    public static V1.Program ToProto(this CooperationProgram p, ProgramView view = ProgramView.Full)
    {
        var full = view == ProgramView.Full;
        var working = view is ProgramView.Full or ProgramView.Party;
        var proto = new V1.Program
        {
            Id = p.Id,
            AgreementId = p.AgreementId,
            RegionCode = p.RegionCode,
            IndonesianPartyId = p.IndonesianPartyId,
            Type = (V1.ProgramType)p.Type,
            Field = p.Field,
            Title = p.Title,
            Objectives = p.Objectives ?? string.Empty,
            IndonesianLeadOffice = p.IndonesianLeadOffice,
            ForeignLeadOffice = p.ForeignLeadOffice,
            StartDate = p.StartDate.ToProto(),
            EndDate = p.EndDate.ToProto(),
            DeliveryMode = (V1.DeliveryMode)p.DeliveryMode,
            Location = p.Location ?? string.Empty,
            Recurrence = (V1.Recurrence)p.Recurrence,
            Status = (V1.ProgramStatus)p.Status,
            Edition = p.Edition,
            SeriesId = p.SeriesId,
            PreviousEditionId = p.PreviousEditionId ?? string.Empty,
            Cancellation = p.Cancellation is { } c ? new V1.Cancellation { Reason = c.Reason, CancelledBy = full ? c.By : string.Empty, CancelTime = Timestamp.FromDateTimeOffset(c.At) } : null,
            AgreementEnded = p.AgreementEnded is { } e ? new V1.AgreementEnded { AgreementStatus = e.AgreementStatus, FlagTime = Timestamp.FromDateTimeOffset(e.At) } : null,
            Participants = Counts(p.Participants),
            CompletedOn = p.CompletedOn?.ToProto(),
            Etag = p.Etag,
            CreateTime = Timestamp.FromDateTimeOffset(p.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(p.UpdatedAt),
        };
        proto.ForeignPartyIds.AddRange(p.ForeignPartyIds);
        proto.SdgTargets.AddRange(p.SdgTargets);
        proto.Postponements.AddRange(p.Postponements.Select(x => new V1.Postponement
        {
            Reason = x.Reason, PreviousStartDate = x.PreviousStart.ToProto(), PreviousEndDate = x.PreviousEnd.ToProto(),
            NewStartDate = x.NewStart.ToProto(), NewEndDate = x.NewEnd.ToProto(), PostponedBy = full ? x.By : string.Empty, PostponeTime = Timestamp.FromDateTimeOffset(x.At),
        }));
        proto.Pivots.AddRange(p.Pivots.Select(x => new V1.Pivot
        {
            FromMode = (V1.DeliveryMode)x.From, ToMode = (V1.DeliveryMode)x.To, Reason = x.Reason, PivotedBy = full ? x.By : string.Empty, PivotTime = Timestamp.FromDateTimeOffset(x.At),
        }));
        proto.Milestones.AddRange(p.Milestones.Select(m => m.ToProto()));
        proto.Indicators.AddRange(p.Indicators.Select(i => i.ToProto(p, working, full)));
        if (working)
        {
            proto.Evaluations.AddRange(p.Evaluations.Select(x => new V1.Evaluation
            {
                Id = x.Id, Kind = (V1.EvaluationKind)x.Kind, Rating = (V1.EvaluationRating)x.Rating, Findings = x.Findings,
                Recommendations = x.Recommendations ?? string.Empty, Evaluator = x.Evaluator, EvaluatedOn = x.EvaluatedOn.ToProto(),
                SubmittedBy = full ? x.SubmittedBy : string.Empty,
            }));
        }
        return proto;
    }

    public static V1.Milestone ToProto(this Milestone m) => new()
    {
        Id = m.Id, Kind = (V1.MilestoneKind)m.Kind, Title = m.Title, DueDate = m.DueDate.ToProto(), Status = (V1.MilestoneStatus)m.Status,
        DoneOn = m.DoneOn?.ToProto(),
    };

    public static V1.Participant ToProto(this Participant x) => new()
    {
        Id = x.Id, Name = x.Name, Role = (V1.ParticipantRole)x.Role, Side = (V1.Side)x.Side, HomeCityId = x.HomeCityId ?? string.Empty,
        Gender = (V1.Gender)x.Gender, AgeBand = (V1.AgeBand)x.AgeBand, Email = x.Email ?? string.Empty,
        Consent = new V1.Consent { Purpose = x.Consent.Purpose, GivenOn = x.Consent.GivenOn.ToProto(), Method = x.Consent.Method },
        Erased = x.Erased, EnrolTime = Timestamp.FromDateTimeOffset(x.EnrolledAt),
    };

    public static V1.AuditRecord ToProto(this AuditRecord r)
    {
        var proto = new V1.AuditRecord { ProgramId = r.AggregateId, Actor = r.Actor, Time = Timestamp.FromDateTimeOffset(r.At), Action = r.Action };
        proto.Changes.AddRange(r.Changes.Select(c => new V1.FieldChange { Field = c.Field, OldValue = c.OldValue ?? string.Empty, NewValue = c.NewValue ?? string.Empty }));
        return proto;
    }

    public static V1.PartnershipHealth ToProto(this PartnershipHealth h)
    {
        var a = h.Agreement;
        var proto = new V1.PartnershipHealth
        {
            AgreementId = a.AgreementId, Title = a.Title, RegionCode = a.RegionCode, ProvinceCode = a.ProvinceCode, Score = h.Score, Band = (V1.HealthBand)h.Band,
            Programs = h.Signals.Programs, ProgramsStarted = h.Signals.Started, ProgramsCompleted = h.Signals.Completed, IndicatorActuals = h.Signals.Actuals,
            Participants = h.Signals.Participants, LastActivityOn = h.LastActivity.ToProto(), MonthsSinceLastActivity = h.MonthsSinceLastActivity,
            EffectiveDate = a.EffectiveOn?.ToProto(), ExpiryDate = a.ExpiresOn?.ToProto(),
        };
        proto.ForeignPartyIds.AddRange(a.ForeignPartyIds);
        proto.Reasons.AddRange(h.Reasons);
        return proto;
    }

    /// <summary>Participants counted by side, gender, role and age band: what reports and the public see.</summary>
    public static V1.ParticipantCounts Counts(IReadOnlyCollection<Participant> participants)
    {
        var counts = new V1.ParticipantCounts { Total = participants.Count };
        counts.BySide.AddRange(CountBy(participants, x => x.Side.ToString()));
        counts.ByGender.AddRange(CountBy(participants, x => x.Gender.ToString()));
        counts.ByRole.AddRange(CountBy(participants, x => x.Role.ToString()));
        counts.ByAgeBand.AddRange(CountBy(participants, x => x.AgeBand.ToString()));
        return counts;
    }

    private static V1.Indicator ToProto(this Indicator i, CooperationProgram p, bool withEvidence, bool full)
    {
        var proto = new V1.Indicator
        {
            Id = i.Id, Name = i.Name, Level = (V1.IndicatorLevel)i.Level, Unit = i.Unit, Baseline = i.Baseline, Target = i.Target, ActualTotal = p.ActualTotal(i.Id),
        };
        proto.Disaggregations.AddRange(i.Disaggregations);
        proto.SdgTargets.AddRange(i.SdgTargets);
        proto.Actuals.AddRange(p.Actuals.Where(a => a.IndicatorId == i.Id).OrderBy(a => a.PeriodEnd).Select(a =>
        {
            var actual = new V1.IndicatorActual
            {
                Id = a.Id, PeriodStart = a.PeriodStart.ToProto(), PeriodEnd = a.PeriodEnd.ToProto(), Value = a.Value, RecordedOn = a.RecordedOn.ToProto(),
                RecordedBy = full ? a.RecordedBy : string.Empty,
            };
            actual.Disaggregation.Add(a.Disaggregation);
            if (withEvidence)
            {
                actual.Evidence.AddRange(a.Evidence.Select(e => new V1.Evidence { Title = e.Title, Uri = e.Uri }));
            }
            return actual;
        }));
        return proto;
    }

    private static IEnumerable<V1.Tally> CountBy(IEnumerable<Participant> participants, Func<Participant, string> key) =>
        participants.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new V1.Tally { Key = g.Key, Count = g.Count() });
}
