using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Meetings.Domain;
using Paradiplomacy.ServiceDefaults.Data;
using Paradiplomacy.ServiceDefaults.Projections;

namespace Paradiplomacy.Meetings.Data;

/// <summary>Meetings with their participants, occurrences and action items in tables of their own (the lists
/// of upcoming meetings, bookings and open items query them), the holiday table, calendar feeds, the
/// registry's cities the meetings take place in, and the projections of agreements and programs.</summary>
public sealed class MeetingsDbContext(DbContextOptions<MeetingsDbContext> options) : ServiceDbContext(options), IAgreementProjection
{
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<PublicHoliday> Holidays => Set<PublicHoliday>();
    public DbSet<CalendarFeed> Feeds => Set<CalendarFeed>();
    public DbSet<Place> Places => Set<Place>();
    public DbSet<MeetingProgram> Programs => Set<MeetingProgram>();
    public DbSet<PartnerAgreement> Agreements => Set<PartnerAgreement>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Meeting>(e =>
        {
            e.ToTable("meetings");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasMaxLength(64);
            e.Property(m => m.AgreementId).HasMaxLength(64);
            e.Property(m => m.ProgramId).HasMaxLength(64);
            e.Property(m => m.RegionCode).HasMaxLength(20);
            e.Property(m => m.IndonesianPartyId).HasMaxLength(64);
            e.Property(m => m.Title).HasMaxLength(Meeting.MaxTitle);
            e.Property(m => m.Purpose).HasMaxLength(Meeting.MaxText);
            e.Property(m => m.Mode).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.VideoUrl).HasMaxLength(Meeting.MaxUrl);
            e.Property(m => m.Venue).HasMaxLength(Meeting.MaxShort);
            e.Property(m => m.TimeZone).HasMaxLength(64);
            e.Property(m => m.Recurrence).HasMaxLength(500);
            e.Property(m => m.CancelReason).HasMaxLength(Meeting.MaxShort);
            e.Property(m => m.CreatedBy).HasMaxLength(200);
            e.Property(m => m.RequestId).HasMaxLength(100);
            e.Property(m => m.Agenda).IsJson();
            e.Property(m => m.Interpretation).IsJson();
            e.Property(m => m.Attendance).IsJson();
            e.Property(m => m.Minutes).IsJson();
            e.Property(m => m.Conflicts).IsJson();
            e.Ignore(m => m.Schedule);
            e.OwnsMany(m => m.Participants, o =>
            {
                o.ToTable("participants");
                o.WithOwner().HasForeignKey("MeetingId");
                o.HasKey(x => x.Id);
                o.Property(x => x.Id).HasMaxLength(64);
                o.Property(x => x.Name).HasMaxLength(Meeting.MaxShort);
                o.Property(x => x.Email).HasMaxLength(254);
                o.Property(x => x.Position).HasMaxLength(Meeting.MaxShort);
                o.Property(x => x.CityId).HasMaxLength(64);
                o.Property(x => x.CountryCode).HasMaxLength(2);
                o.Property(x => x.Side).HasConversion<string>().HasMaxLength(20);
                o.Property(x => x.TimeZone).HasMaxLength(64);
                // A person's meetings, and their bookings when another meeting is scheduled.
                o.HasIndex(x => x.Email);
            });
            e.OwnsMany(m => m.Occurrences, o =>
            {
                o.ToTable("occurrences");
                o.WithOwner().HasForeignKey("MeetingId");
                o.HasKey("MeetingId", nameof(Occurrence.Key));
                o.Property(x => x.Key).HasMaxLength(20);
                o.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
                o.Property(x => x.Note).HasMaxLength(Meeting.MaxShort);
                o.Ignore(x => x.IsOpen);
                // Upcoming lists, bookings and the reminder job read occurrences by time.
                o.HasIndex(x => new { x.StartsAt, x.EndsAt });
            });
            e.OwnsMany(m => m.ActionItems, o =>
            {
                o.ToTable("action_items");
                o.WithOwner().HasForeignKey("MeetingId");
                o.HasKey(x => x.Id);
                o.Property(x => x.Id).HasMaxLength(64);
                o.Property(x => x.Title).HasMaxLength(Meeting.MaxShort);
                o.Property(x => x.OwnerParticipantId).HasMaxLength(64);
                o.Property(x => x.OwnerSide).HasConversion<string>().HasMaxLength(20);
                o.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
                o.Property(x => x.CreatedBy).HasMaxLength(200);
                o.HasIndex(x => new { x.Status, x.DueDate });
            });
            e.HasIndex(m => new { m.RegionCode, m.Status });
            e.HasIndex(m => m.AgreementId);
            e.HasIndex(m => m.ProgramId);
            e.HasIndex(m => m.RequestId).IsUnique().HasFilter("request_id IS NOT NULL");
        });

        modelBuilder.Entity<PublicHoliday>(e =>
        {
            e.ToTable("holidays");
            e.HasKey(h => h.Id);
            e.Property(h => h.Id).HasMaxLength(64);
            e.Property(h => h.CountryCode).HasMaxLength(2);
            e.Property(h => h.RegionCode).HasMaxLength(20);
            e.Property(h => h.Name).HasMaxLength(PublicHoliday.MaxName);
            e.Property(h => h.CreatedBy).HasMaxLength(200);
            e.Property(h => h.RequestId).HasMaxLength(100);
            e.HasIndex(h => new { h.CountryCode, h.Date });
            e.HasIndex(h => h.RequestId).IsUnique().HasFilter("request_id IS NOT NULL");
        });

        modelBuilder.Entity<CalendarFeed>(e =>
        {
            e.ToTable("calendar_feeds");
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).HasMaxLength(64);
            e.Property(f => f.RegionCode).HasMaxLength(20);
            e.Property(f => f.Email).HasMaxLength(254);
            e.Property(f => f.TokenHash).HasMaxLength(64);
            e.Property(f => f.OwnerRegionCode).HasMaxLength(64);
            e.Property(f => f.CreatedBy).HasMaxLength(200);
            e.Property(f => f.RequestId).HasMaxLength(100);
        });

        modelBuilder.Entity<Place>(e =>
        {
            e.ToTable("places");
            e.HasKey(p => p.CityId);
            e.Property(p => p.CityId).HasMaxLength(64);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.CountryCode).HasMaxLength(2);
            e.Property(p => p.RegionCode).HasMaxLength(20);
            e.Property(p => p.TimeZone).HasMaxLength(64);
        });

        modelBuilder.Entity<MeetingProgram>(e =>
        {
            e.ToTable("meeting_programs");
            e.HasKey(p => p.ProgramId);
            e.Property(p => p.ProgramId).HasMaxLength(64);
            e.Property(p => p.AgreementId).HasMaxLength(64);
            e.Property(p => p.RegionCode).HasMaxLength(20);
            e.Property(p => p.Status).HasMaxLength(20);
            e.Property(p => p.Title).HasMaxLength(300);
            e.Ignore(p => p.HasEnded);
        });

        modelBuilder.MapPartnerAgreements();
    }
}
