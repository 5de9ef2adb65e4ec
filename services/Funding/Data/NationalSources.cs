using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Funding.Domain;
using Paradiplomacy.ServiceDefaults;

namespace Paradiplomacy.Funding.Data;

/// <summary>The national catalogue of sources every region may fund from: the APBN and the foreign
/// agencies that fund sister-city work, with their IATI organisation identifiers.</summary>
public sealed class NationalSources : IDatabaseSeed<FundingDbContext>
{
    public static readonly IReadOnlyList<FundingSource> Catalogue =
    [
        FundingSource.National("src-apbn", SourceKind.NationalBudget, "APBN (Anggaran Pendapatan dan Belanja Negara)", null, "IDR"),
        FundingSource.National("src-jica", SourceKind.ForeignAgency, "Japan International Cooperation Agency (JICA)", "XM-DAC-701-8", "JPY"),
        FundingSource.National("src-usaid", SourceKind.ForeignAgency, "United States Agency for International Development (USAID)", "US-GOV-1", "USD"),
        FundingSource.National("src-koica", SourceKind.ForeignAgency, "Korea International Cooperation Agency (KOICA)", "XM-DAC-742-1", "KRW"),
        FundingSource.National("src-giz", SourceKind.ForeignAgency, "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)", "DE-1", "EUR"),
        FundingSource.National("src-eu", SourceKind.ForeignAgency, "European Union (European Commission)", "XI-IATI-EC_INTPA", "EUR"),
    ];

    public async Task SeedAsync(FundingDbContext db, CancellationToken cancellationToken)
    {
        var present = await db.Sources.Where(s => s.RegionCode == null).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var source in Catalogue.Where(s => !present.Contains(s.Id)))
        {
            db.Sources.Add(FundingSource.National(source.Id, source.Kind, source.Name, source.IatiOrgRef, source.DefaultCurrency));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
