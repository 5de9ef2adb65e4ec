using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Funding.Domain;
using Paradiplomacy.ServiceDefaults.Data;

namespace Paradiplomacy.Funding.Data;

/// <summary>Sources, exchange rates, each program's funding with its pledges, tranches, expenditures and
/// balances in tables of their own, the append-only ledger, receipts' bytes, the requests already carried
/// out, and the projection of programs.</summary>
public sealed class FundingDbContext(DbContextOptions<FundingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<FundingSource> Sources => Set<FundingSource>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<ProgramFunding> Fundings => Set<ProgramFunding>();
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();
    public DbSet<ReceiptContent> ReceiptContents => Set<ReceiptContent>();
    public DbSet<MoneyRequest> MoneyRequests => Set<MoneyRequest>();
    public DbSet<FundedProgram> Programs => Set<FundedProgram>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<FundingSource>(e =>
        {
            e.ToTable("funding_sources");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).HasMaxLength(64);
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(s => s.Name).HasMaxLength(FundingSource.MaxName);
            e.Property(s => s.RegionCode).HasMaxLength(20);
            e.Property(s => s.PartnerCityId).HasMaxLength(64);
            e.Property(s => s.IatiOrgRef).HasMaxLength(50);
            e.Property(s => s.DefaultCurrency).HasMaxLength(3);
            e.Property(s => s.CreatedBy).HasMaxLength(200);
            e.Property(s => s.RequestId).HasMaxLength(100);
            e.Ignore(s => s.Party);
            e.HasIndex(s => new { s.RegionCode, s.Kind });
            e.HasIndex(s => s.RequestId).IsUnique().HasFilter("request_id IS NOT NULL");
        });

        modelBuilder.Entity<ExchangeRate>(e =>
        {
            e.ToTable("exchange_rates");
            e.HasKey(r => new { r.Currency, r.Date });
            e.Property(r => r.Currency).HasMaxLength(3);
            e.Property(r => r.IdrPerUnit).HasPrecision(24, 8);
            e.Property(r => r.Source).HasMaxLength(ExchangeRate.MaxSource);
            e.Property(r => r.RecordedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<ProgramFunding>(e =>
        {
            e.ToTable("program_fundings");
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).HasMaxLength(64);
            e.Property(f => f.RegionCode).HasMaxLength(20);
            e.Property(f => f.AgreementId).HasMaxLength(64);
            e.Property(f => f.RequestId).HasMaxLength(100);
            e.Property(f => f.Budget).IsJson();
            e.Ignore(f => f.Figures);
            e.OwnsMany(f => f.Commitments, o =>
            {
                o.ToTable("commitments");
                o.WithOwner().HasForeignKey("ProgramId");
                o.HasKey(x => x.Id);
                o.Property(x => x.Id).HasMaxLength(64);
                o.Property(x => x.SourceId).HasMaxLength(64);
                o.Property(x => x.Party).HasConversion<string>().HasMaxLength(20);
                o.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
                o.Property(x => x.Value).IsJson();
                o.Property(x => x.TransactionId).HasMaxLength(64);
                o.Property(x => x.ReversedBy).HasMaxLength(64);
                o.Property(x => x.RecordedBy).HasMaxLength(200);
                o.Property(x => x.ValuationBasis).HasMaxLength(ProgramFunding.MaxText);
                o.Property(x => x.Reference).HasMaxLength(ProgramFunding.MaxText);
                o.Ignore(x => x.IsReversed);
            });
            e.OwnsMany(f => f.Tranches, o =>
            {
                o.ToTable("tranches");
                o.WithOwner().HasForeignKey("ProgramId");
                o.HasKey(x => x.Id);
                o.Property(x => x.Id).HasMaxLength(64);
                o.Property(x => x.SourceId).HasMaxLength(64);
                o.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
                o.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
                o.Property(x => x.Planned).IsJson();
                o.Property(x => x.Paid!).IsJson();
                o.Property(x => x.Rejections).IsJson();
                o.Property(x => x.ReversedTransactions).IsJson();
                o.Property(x => x.Description).HasMaxLength(ProgramFunding.MaxText);
                o.Property(x => x.RequestedBy).HasMaxLength(200);
                o.Property(x => x.ApprovedBy).HasMaxLength(200);
                o.Property(x => x.TransactionId).HasMaxLength(64);
            });
            e.OwnsMany(f => f.Expenditures, o =>
            {
                o.ToTable("expenditures");
                o.WithOwner().HasForeignKey("ProgramId");
                o.HasKey(x => x.Id);
                o.Property(x => x.Id).HasMaxLength(64);
                o.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
                o.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
                o.Property(x => x.Value).IsJson();
                o.Property(x => x.Receipts).IsJson();
                o.Property(x => x.Description).HasMaxLength(ProgramFunding.MaxText);
                o.Property(x => x.Payee).HasMaxLength(200);
                o.Property(x => x.RecordedBy).HasMaxLength(200);
                o.Property(x => x.ApprovedBy).HasMaxLength(200);
                o.Property(x => x.Rejection).HasMaxLength(ProgramFunding.MaxText);
                o.Property(x => x.TransactionId).HasMaxLength(64);
                o.Property(x => x.ReversedBy).HasMaxLength(64);
                o.Ignore(x => x.IsBooked);
            });
            e.OwnsMany(f => f.Balances, o =>
            {
                o.ToTable("balances");
                o.WithOwner().HasForeignKey("ProgramId");
                o.HasKey("ProgramId", nameof(Balance.Key));
                o.Property(x => x.Key).HasMaxLength(200);
                o.Property(x => x.Account).HasConversion<string>().HasMaxLength(20);
                o.Property(x => x.SourceId).HasMaxLength(64);
                o.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
                o.Property(x => x.Currency).HasMaxLength(3);
                // Reports add balances up by account, source and year across programs.
                o.HasIndex(x => new { x.Account, x.SourceId, x.FiscalYear });
            });
            e.HasMany(f => f.Entries).WithOne().HasForeignKey(x => x.ProgramId);
            e.HasIndex(f => f.RegionCode);
            e.HasIndex(f => f.AgreementId);
        });

        modelBuilder.Entity<LedgerEntry>(e =>
        {
            e.ToTable("ledger_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.ProgramId).HasMaxLength(64);
            e.Property(x => x.TransactionId).HasMaxLength(64);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Account).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SourceId).HasMaxLength(64);
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Rate).HasPrecision(24, 8);
            e.Property(x => x.Reference).HasMaxLength(64);
            e.Property(x => x.Description).HasMaxLength(ProgramFunding.MaxText + 100);
            e.Property(x => x.Reverses).HasMaxLength(64);
            e.Property(x => x.BookedBy).HasMaxLength(200);
            e.Ignore(x => x.SignedMinor);
            e.Ignore(x => x.SignedIdr);
            e.HasIndex(x => new { x.ProgramId, x.Id });
            e.HasIndex(x => x.TransactionId);
            e.HasIndex(x => x.Reverses).HasFilter("reverses IS NOT NULL");
        });

        modelBuilder.Entity<ReceiptContent>(e =>
        {
            e.ToTable("receipt_contents");
            e.HasKey(x => x.ReceiptId);
            e.Property(x => x.ReceiptId).HasMaxLength(64);
            e.Property(x => x.ProgramId).HasMaxLength(64);
        });

        modelBuilder.Entity<MoneyRequest>(e =>
        {
            e.ToTable("money_requests");
            e.HasKey(x => new { x.ProgramId, x.RequestId });
            e.Property(x => x.ProgramId).HasMaxLength(64);
            e.Property(x => x.RequestId).HasMaxLength(100);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Action).HasMaxLength(50);
            e.Property(x => x.Target).HasMaxLength(64);
        });

        modelBuilder.Entity<FundedProgram>(e =>
        {
            e.ToTable("funded_programs");
            e.HasKey(p => p.ProgramId);
            e.Property(p => p.ProgramId).HasMaxLength(64);
            e.Property(p => p.Status).HasMaxLength(20);
            e.Property(p => p.AgreementId).HasMaxLength(64);
            e.Property(p => p.RegionCode).HasMaxLength(20);
            e.Property(p => p.Title).HasMaxLength(300);
            e.Property(p => p.Field).HasMaxLength(50);
            e.Ignore(p => p.HasEnded);
            e.Ignore(p => p.IsCancelled);
            e.Ignore(p => p.FiscalYears);
            e.HasIndex(p => p.RegionCode);
        });
    }
}
