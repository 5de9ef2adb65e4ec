using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Paradiplomacy.Registry.Domain;

namespace Paradiplomacy.Registry.Data;

/// <summary>Loads Kemendagri's regions, countries, ISO 3166-2 subdivisions and GeoNames cities
/// (files in data/, made by data/build.mjs). Idempotent: a data set already loaded, recognised by
/// the files' hash and the population threshold, is skipped; a new one is upserted without
/// touching the profiles regions have written.</summary>
public sealed class ReferenceDataLoader(
    RegistryDbContext db,
    NpgsqlDataSource dataSource,
    IOptions<ReferenceDataOptions> options,
    TimeProvider clock,
    ILogger<ReferenceDataLoader> logger)
{
    private const string RegionsFile = "regions-id.tsv";
    private const string CountriesFile = "countries.tsv";
    private const string SubdivisionsFile = "subdivisions.tsv";
    private const string CitiesFile = "cities.tsv.gz";
    private const string ProvinceIsoCodesFile = "iso-3166-2-id.tsv";
    private const string AlternateNamesFile = "alternate-names.tsv";

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var dir = options.Value.Directory;
        var minPopulation = options.Value.MinPopulation;
        var fingerprint = await FingerprintAsync(dir, minPopulation, cancellationToken);
        if (await db.ReferenceDataImports.AnyAsync(i => i.Fingerprint == fingerprint, cancellationToken))
        {
            logger.LogInformation("Reference data {Fingerprint} already loaded", fingerprint);
            return;
        }

        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var countries = ReadTsv(Path.Combine(dir, CountriesFile)).Select(r => new Country
        {
            Code = r[0], Name = r[1], NativeName = Null(r[2]), Capital = Null(r[3]),
            Currencies = List(r[4]), Languages = List(r[5]), Continent = Null(r[6]),
        }).ToList();
        var provinceIsoCodes = ReadTsv(Path.Combine(dir, ProvinceIsoCodesFile)).ToDictionary(r => r[0], r => r[1]);
        var alternateNames = ReadTsv(Path.Combine(dir, AlternateNamesFile)).ToDictionary(r => r[0], r => r[1].Split('|'));
        var cities = new List<City>();
        // One record per Indonesian region: Kemendagri's, in the written form, carrying its province's ISO code.
        cities.AddRange(ReadTsv(Path.Combine(dir, RegionsFile)).Select(r =>
        {
            var display = IndonesianNames.Display(r[2]);
            return City.FromReference($"idn-{r[0]}", ParseIndonesianLevel(r[1]), display, City.IndonesiaCode, r[3].Length > 0 ? $"idn-{r[3]}" : null,
                r[0], provinceIsoCodes.GetValueOrDefault(r[0]), null, Long(r[5]), Double(r[6]), Double(r[7]), Null(r[4]),
                [.. IndonesianNames.OtherForms(r[2], display)], now);
        }));
        cities.AddRange(ReadTsv(Path.Combine(dir, SubdivisionsFile))
            .Where(r => r[3] != City.IndonesiaCode)
            .Select(r => City.FromReference(
                $"iso-{r[0]}", CityLevel.Subdivision, r[1], r[3], r[2].Length > 2 ? $"iso-{r[2]}" : null,
                null, r[0], null, null, null, null, Null(r[4]), [], now)));
        cities.AddRange(ReadTsv(Path.Combine(dir, CitiesFile))
            .Where(r => (Long(r[6]) ?? 0) >= minPopulation)
            .Select(r => City.FromReference(
                // Under its first-level subdivision (ISO 3166-2, data/build.mjs), where one is known.
                $"gn-{r[0]}", CityLevel.Municipality, r[1], r[3], r.Length > 10 && r[10].Length > 0 ? $"iso-{r[10]}" : null, null, null, Long(r[0]), Long(r[6]),
                Double(r[7]), Double(r[8]), Null(r[9]), r[2].Length > 2 ? [r[2]] : [], now, r.Length > 11 ? List(r[11]) : [])));
        foreach (var city in cities)
        {
            if (alternateNames.TryGetValue(city.Id, out var names))
            {
                city.AlternateNames = [.. city.AlternateNames.Concat(names).Distinct(StringComparer.Ordinal)];
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UpsertCountriesAsync(connection, countries, cancellationToken);
        await UpsertCitiesAsync(connection, cities, cancellationToken);
        // Indonesia's ISO 3166-2 rows of earlier loads: the Kemendagri records carry those codes now.
        await Execute(connection, "DELETE FROM city_names WHERE city_id LIKE 'iso-ID-%'; DELETE FROM cities WHERE id LIKE 'iso-ID-%'", cancellationToken);
        await using (var mark = new NpgsqlCommand(
            "INSERT INTO reference_data_imports (fingerprint, imported_at, cities) VALUES (@f, @t, @n)", connection))
        {
            mark.Parameters.AddWithValue("f", fingerprint);
            mark.Parameters.AddWithValue("t", now);
            mark.Parameters.AddWithValue("n", cities.Count);
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Loaded {Cities} cities and {Countries} countries in {Elapsed} ms (min population {MinPopulation})",
            cities.Count, countries.Count, (int)clock.GetElapsedTime(started).TotalMilliseconds, minPopulation);
    }

    private static async Task UpsertCountriesAsync(NpgsqlConnection connection, List<Country> countries, CancellationToken ct)
    {
        await Execute(connection, "CREATE TEMP TABLE ref_countries (LIKE countries) ON COMMIT DROP", ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY ref_countries (code, name, native_name, capital, currencies, languages, continent) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var c in countries)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(c.Code, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.Name, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, c.NativeName, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, c.Capital, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.Currencies, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.Languages, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await WriteNullable(copy, c.Continent, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await Execute(connection, """
            INSERT INTO countries SELECT * FROM ref_countries
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, native_name = excluded.native_name, capital = excluded.capital,
              currencies = excluded.currencies, languages = excluded.languages, continent = excluded.continent
            """, ct);
    }

    private static async Task UpsertCitiesAsync(NpgsqlConnection connection, List<City> cities, CancellationToken ct)
    {
        await Execute(connection, """
            CREATE TEMP TABLE ref_cities (id text, level text, name text, alternate_names text[], country_code text, parent_id text,
              code text, iso_code text, geo_names_id bigint, population bigint, latitude double precision, longitude double precision,
              time_zone text, created_at timestamptz, reference_traits text[]) ON COMMIT DROP
            """, ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY ref_cities FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var c in cities)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(c.Id, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.Level.ToString(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.Name, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.AlternateNames, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.CountryCode, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, c.ParentId, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, c.Code, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, c.IsoCode, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, c.GeoNamesId, NpgsqlDbType.Bigint, ct);
                await WriteNullable(copy, c.Population, NpgsqlDbType.Bigint, ct);
                await WriteNullable(copy, c.Latitude, NpgsqlDbType.Double, ct);
                await WriteNullable(copy, c.Longitude, NpgsqlDbType.Double, ct);
                await WriteNullable(copy, c.TimeZone, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(c.ReferenceTraits, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
        // Reference columns are refreshed; the profile, partners and version stay the region's.
        await Execute(connection, """
            INSERT INTO cities (id, level, name, alternate_names, country_code, parent_id, code, iso_code, geo_names_id, population,
              latitude, longitude, time_zone, profile, has_profile, current_partner_ids, version, created_at, updated_at, reference_traits)
            SELECT id, level, name, alternate_names, country_code, parent_id, code, iso_code, geo_names_id, population,
              latitude, longitude, time_zone, '{}'::jsonb, false, '{}', 1, created_at, created_at, reference_traits FROM ref_cities
            ON CONFLICT (id) DO UPDATE SET level = excluded.level, name = excluded.name, alternate_names = excluded.alternate_names,
              country_code = excluded.country_code, parent_id = excluded.parent_id, code = excluded.code, iso_code = excluded.iso_code,
              geo_names_id = excluded.geo_names_id, population = excluded.population, latitude = excluded.latitude,
              longitude = excluded.longitude, time_zone = excluded.time_zone, reference_traits = excluded.reference_traits
            """, ct);
        await Execute(connection, "DELETE FROM city_names n USING ref_cities r WHERE n.city_id = r.id", ct);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY city_names (city_id, name) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var c in cities)
            {
                foreach (var form in SearchForms(c))
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(c.Id, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(form, NpgsqlDbType.Text, ct);
                }
            }
            await copy.CompleteAsync(ct);
        }
        await Execute(connection, "ANALYZE cities; ANALYZE city_names", ct);
    }

    /// <summary>Every normalized form a city is found by: its name and alternate names, whole and from each word on.</summary>
    public static IEnumerable<string> SearchForms(City city) =>
        city.AlternateNames.Prepend(city.Name)
            .SelectMany(NameNormalizer.SearchForms)
            .Select(f => f.Length > 200 ? f[..200] : f)
            .Distinct(StringComparer.Ordinal);

    private static async Task<string> FingerprintAsync(string dir, long minPopulation, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { RegionsFile, CountriesFile, SubdivisionsFile, CitiesFile, ProvinceIsoCodesFile, AlternateNamesFile })
        {
            var path = Path.Combine(dir, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Reference data file {path} is missing; run data/build.mjs or check Registry:ReferenceData:Directory.", path);
            }
            sha.AppendData(await File.ReadAllBytesAsync(path, ct));
        }
        // v3: written names, one record per Indonesian region, curated alternate names, reference traits.
        return $"v3-{Convert.ToHexString(sha.GetHashAndReset())[..16]}-min{minPopulation}";
    }

    private static IEnumerable<string[]> ReadTsv(string path)
    {
        using var stream = File.OpenRead(path);
        using var decompressed = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(decompressed, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return line.Split('\t');
            }
        }
    }

    private static CityLevel ParseIndonesianLevel(string value) => value switch
    {
        "province" => CityLevel.Province,
        "regency" => CityLevel.Regency,
        "city" => CityLevel.City,
        _ => throw new InvalidDataException($"Unknown Indonesian level '{value}'"),
    };

    private static string? Null(string value) => value.Length == 0 ? null : value;

    private static List<string> List(string value) => value.Length == 0 ? [] : [.. value.Split(',')];

    private static long? Long(string value) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? Double(string value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(value, type, ct);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(ct);
    }
}
