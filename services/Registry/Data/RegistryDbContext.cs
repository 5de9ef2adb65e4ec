using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Paradiplomacy.Registry.Domain;
using Paradiplomacy.ServiceDefaults.Data;

namespace Paradiplomacy.Registry.Data;

public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : ServiceDbContext(options)
{
    private static readonly JsonSerializerOptions ProfileJson = new(JsonSerializerDefaults.Web);

    public DbSet<City> Cities => Set<City>();
    public DbSet<CityName> CityNames => Set<CityName>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<ReferenceDataImport> ReferenceDataImports => Set<ReferenceDataImport>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("pg_trgm");

        modelBuilder.Entity<City>(e =>
        {
            e.ToTable("cities");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(64);
            e.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.CountryCode).HasMaxLength(2);
            e.Property(c => c.ParentId).HasMaxLength(64);
            e.Property(c => c.Code).HasMaxLength(20);
            e.Property(c => c.IsoCode).HasMaxLength(10);
            e.Property(c => c.TimeZone).HasMaxLength(64);
            e.Property(c => c.RegisteredBy).HasMaxLength(200);
            e.Property(c => c.RequestId).HasMaxLength(100);
            e.Ignore(c => c.IsIndonesian);
            // The profile is read and written whole; a JSON document keeps it one value with one shape.
            e.Property(c => c.Profile)
                .HasColumnType("jsonb")
                .HasConversion(
                    p => JsonSerializer.Serialize(p, ProfileJson),
                    s => JsonSerializer.Deserialize<CityProfile>(s, ProfileJson) ?? new CityProfile(),
                    new ValueComparer<CityProfile>(
                        (a, b) => JsonSerializer.Serialize(a, ProfileJson) == JsonSerializer.Serialize(b, ProfileJson),
                        p => JsonSerializer.Serialize(p, ProfileJson).GetHashCode(StringComparison.Ordinal),
                        p => JsonSerializer.Deserialize<CityProfile>(JsonSerializer.Serialize(p, ProfileJson), ProfileJson)!));
            e.HasIndex(c => c.Code).IsUnique().HasFilter("code IS NOT NULL");
            e.HasIndex(c => c.RequestId).IsUnique().HasFilter("request_id IS NOT NULL");
            e.HasIndex(c => new { c.CountryCode, c.Level });
            e.HasIndex(c => c.Population);
            e.HasIndex(c => c.ParentId);
            e.HasIndex(c => c.HasProfile).HasFilter("has_profile");
            e.HasIndex(c => c.ReferenceTraits).HasMethod("gin");
        });

        modelBuilder.Entity<CityName>(e =>
        {
            e.ToTable("city_names");
            e.HasKey(n => new { n.CityId, n.Name });
            e.Property(n => n.Name).HasMaxLength(200);
            // Prefix search (LIKE 'abc%'). The GIN trigram index for misspellings is created in the
            // migration's SQL: the naming convention would give both indexes on this column one name.
            e.HasIndex(n => n.Name).HasOperators("text_pattern_ops");
        });

        modelBuilder.Entity<Country>(e =>
        {
            e.ToTable("countries");
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(2);
            e.Property(c => c.Name).HasMaxLength(100);
        });

        modelBuilder.Entity<Partnership>(e =>
        {
            e.ToTable("partnerships");
            e.HasKey(p => p.AgreementId);
            e.Property(p => p.AgreementId).HasMaxLength(64);
            e.Property(p => p.IndonesianPartyId).HasMaxLength(64);
            e.Property(p => p.Status).HasMaxLength(20);
            e.Ignore(p => p.IsActive);
            e.HasIndex(p => p.IndonesianPartyId);
            e.HasIndex(p => p.ForeignPartyIds).HasMethod("gin");
        });

        modelBuilder.Entity<ReferenceDataImport>(e =>
        {
            e.ToTable("reference_data_imports");
            e.HasKey(i => i.Fingerprint);
        });
    }
}
