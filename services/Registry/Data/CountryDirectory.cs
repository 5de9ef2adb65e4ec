using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Registry.Domain;

namespace Paradiplomacy.Registry.Data;

/// <summary>The 252 countries, held in memory after start-up: every response names its country.</summary>
public sealed class CountryDirectory
{
    private IReadOnlyDictionary<string, Country> _countries = new Dictionary<string, Country>();

    public async Task LoadAsync(RegistryDbContext db, CancellationToken ct) =>
        _countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);

    public bool Exists(string code) => _countries.ContainsKey(code);

    public string NameOf(string code) => _countries.TryGetValue(code, out var c) ? c.Name : code;
}
