using Google.Protobuf.WellKnownTypes;
using NodaTime;
using Paradiplomacy.Meetings.Domain;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Api;
using V1 = Paradiplomacy.Contracts.Meetings.V1;

namespace Paradiplomacy.Meetings.Grpc;

/// <summary>The domain in the contract's shape, cut to what the caller's view allows: the public sees what
/// took place and what came of it, never who (names, e-mails, attendance lists), the room link or drafts.</summary>
public static class MeetingMapper
{
    public static V1.Meeting ToProto(this Meeting m, MeetingView view, DateTimeOffset now)
    {
        var working = view is MeetingView.Full or MeetingView.Party;
        var next = m.NextOccurrence(now);
        var proto = new V1.Meeting
        {
            Id = m.Id,
            AgreementId = m.AgreementId,
            ProgramId = m.ProgramId ?? string.Empty,
            RegionCode = m.RegionCode,
            Title = m.Title,
            Purpose = m.Purpose ?? string.Empty,
            Mode = (V1.MeetingMode)m.Mode,
            VideoUrl = working ? m.VideoUrl ?? string.Empty : string.Empty,
            Venue = m.Venue ?? string.Empty,
            TimeZone = m.TimeZone,
            StartTime = Timestamp.FromDateTimeOffset(m.StartsAt),
            EndTime = Timestamp.FromDateTimeOffset(m.EndsAt),
            Recurrence = m.Recurrence ?? string.Empty,
            Status = m.Status == MeetingStatus.Scheduled && next is null ? V1.MeetingStatus.Concluded : (V1.MeetingStatus)m.Status,
            NextOccurrence = next?.ToProto(m),
            ParticipantsIndonesian = m.Participants.Count(p => p.Side == Side.Indonesian),
            ParticipantsForeign = m.Participants.Count(p => p.Side == Side.Foreign),
            Sequence = m.Sequence,
            CancelReason = m.CancelReason ?? string.Empty,
            Etag = m.Etag,
            CreatedBy = view == MeetingView.Full ? m.CreatedBy : string.Empty,
            CreateTime = Timestamp.FromDateTimeOffset(m.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(m.UpdatedAt),
        };
        proto.Agenda.AddRange(m.Agenda.Select(a => new V1.AgendaItem { Title = Text(a.Title), DurationMinutes = a.DurationMinutes, Presenter = working ? a.Presenter ?? string.Empty : string.Empty }));
        proto.Interpretation.AddRange(m.Interpretation.Select(i => new V1.InterpretationNeed { SourceLanguage = i.SourceLanguage, TargetLanguage = i.TargetLanguage, Mode = (V1.InterpretationMode)i.Mode }));
        proto.Occurrences.AddRange(m.Occurrences.OrderBy(o => o.StartsAt).Select(o => o.ToProto(m)));
        var instant = Instant.FromDateTimeOffset(next?.StartsAt ?? m.StartsAt);
        proto.LocalTimes.AddRange(m.Participants.Select(p => p.TimeZone).Prepend(m.TimeZone).Distinct().Select(z => LocalTimeOf(instant, z)));
        if (working)
        {
            proto.Participants.AddRange(m.Participants.Select(p => p.ToProto(instant)));
            proto.Attendance.AddRange(m.Attendance.Select(a => a.ToProto(view)));
        }
        var minutes = working ? m.Minutes : m.Minutes.Where(x => x.IsFinal);
        proto.Minutes.AddRange(minutes.Select(x => x.ToProto(working)));
        var names = working ? m.Participants.ToDictionary(p => p.Id, p => p.Name) : [];
        proto.ActionItems.AddRange(m.ActionItems.Select(i => i.ToProto(m.Id, m.RegionCode, m.AgreementId, working ? names.GetValueOrDefault(i.OwnerParticipantId) : null, CalendarDay.InIndonesia(now))));
        if (view == MeetingView.Full)
        {
            proto.Conflicts.AddRange(m.Conflicts.Select(c => new V1.BookingConflict
            {
                ParticipantId = c.ParticipantId, OtherMeetingId = c.OtherMeetingId, OccurrenceId = c.OccurrenceKey, StartTime = Timestamp.FromDateTimeOffset(c.StartsAt),
            }));
        }
        return proto;
    }

    public static V1.Occurrence ToProto(this Occurrence o, Meeting m)
    {
        var attendance = m.Attendance.FirstOrDefault(a => a.OccurrenceKey == o.Key);
        return new V1.Occurrence
        {
            Id = o.Key,
            StartTime = Timestamp.FromDateTimeOffset(o.StartsAt),
            EndTime = Timestamp.FromDateTimeOffset(o.EndsAt),
            Status = (V1.OccurrenceStatus)o.Status,
            Note = o.Note ?? string.Empty,
            AttendedIndonesian = attendance?.AttendedIndonesian ?? 0,
            AttendedForeign = attendance?.AttendedForeign ?? 0,
        };
    }

    public static V1.MeetingParticipant ToProto(this MeetingParticipant p, Instant next) => new()
    {
        Id = p.Id,
        Name = p.Name,
        Email = p.Email,
        Position = p.Position ?? string.Empty,
        CityId = p.CityId,
        Side = (V1.Side)p.Side,
        TimeZone = p.TimeZone,
        Optional = p.Optional,
        LocalStart = Zones.Readable(next, Zones.Find(p.TimeZone)!),
    };

    public static V1.LocalTime LocalTimeOf(Instant instant, string zoneId)
    {
        var (local, abbreviation, offset) = Zones.Describe(instant, Zones.Find(zoneId)!);
        return new V1.LocalTime { TimeZone = zoneId, Local = local, Abbreviation = abbreviation, Offset = offset };
    }

    public static V1.ActionItem ToProto(this ActionItem i, string meetingId, string regionCode, string agreementId, string? ownerName, DateOnly today) => new()
    {
        Id = i.Id,
        MeetingId = meetingId,
        Title = i.Title,
        OwnerParticipantId = ownerName is null ? string.Empty : i.OwnerParticipantId,
        OwnerName = ownerName ?? string.Empty,
        OwnerSide = (V1.Side)i.OwnerSide,
        DueDate = i.DueDate.ToProto(),
        Status = (V1.ActionItemStatus)i.Status,
        Decision = i.Decision ?? 0,
        Overdue = i.IsOverdue(today),
        CompletedOn = i.CompletedOn?.ToProto(),
        RegionCode = regionCode,
        AgreementId = agreementId,
    };

    public static V1.Holiday ToProto(this PublicHoliday h) => new()
    {
        Id = h.Id, CountryCode = h.CountryCode, RegionCode = h.RegionCode ?? string.Empty, Date = h.Date.ToProto(), Name = h.Name, Deleted = h.Deleted, Etag = h.Etag,
    };

    public static V1.CalendarFeed ToProto(this CalendarFeed f, string? url = null) => new()
    {
        Id = f.Id, RegionCode = f.RegionCode ?? string.Empty, Email = f.Email ?? string.Empty, Url = url ?? string.Empty, Revoked = f.Revoked,
        CreatedBy = f.CreatedBy, CreateTime = Timestamp.FromDateTimeOffset(f.CreatedAt),
    };

    public static V1.AuditRecord ToProto(this AuditRecord r)
    {
        var proto = new V1.AuditRecord { MeetingId = r.AggregateId, Actor = r.Actor, Time = Timestamp.FromDateTimeOffset(r.At), Action = r.Action };
        proto.Changes.AddRange(r.Changes.Select(c => new V1.FieldChange { Field = c.Field, OldValue = c.OldValue ?? string.Empty, NewValue = c.NewValue ?? string.Empty }));
        return proto;
    }

    public static V1.LocalizedText Text(Dictionary<string, string> texts)
    {
        var proto = new V1.LocalizedText();
        proto.Texts.Add(texts);
        return proto;
    }

    private static V1.Attendance ToProto(this Attendance a, MeetingView view)
    {
        var proto = new V1.Attendance
        {
            OccurrenceId = a.OccurrenceKey, GuestsIndonesian = a.GuestsIndonesian, GuestsForeign = a.GuestsForeign,
            RecordedBy = view == MeetingView.Full ? a.RecordedBy : string.Empty, RecordTime = Timestamp.FromDateTimeOffset(a.RecordedAt),
        };
        proto.ParticipantIds.AddRange(a.ParticipantIds);
        return proto;
    }

    private static V1.Minutes ToProto(this MinutesVersion x, bool working)
    {
        var proto = new V1.Minutes
        {
            Id = x.Id, Version = x.Version, OccurrenceId = x.OccurrenceKey, Text = working ? Text(x.Text) : null, Final = x.IsFinal,
            SubmittedBy = working ? x.SubmittedBy : string.Empty, SubmitTime = Timestamp.FromDateTimeOffset(x.SubmittedAt),
        };
        proto.Decisions.AddRange(x.Decisions.Select(Text));
        proto.Confirmations.AddRange(x.Confirmations.Select(c => new V1.Confirmation
        {
            Side = (V1.Side)c.Side, ConfirmedBy = working ? c.ConfirmedBy : string.Empty, ConfirmTime = Timestamp.FromDateTimeOffset(c.ConfirmedAt),
        }));
        return proto;
    }
}
