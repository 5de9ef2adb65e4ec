using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using Paradiplomacy.Contracts.Programs.V1;

namespace Paradiplomacy.Bench;

/// <summary>The programs service's reports at national scale: generated programs, participants and
/// indicator actuals written straight into its database, then each report through the service beside
/// a plain SQL aggregate over the same rows, in the same run.</summary>
public sealed class ReportsBenchmark(BenchOptions options, Report report)
{
    private const int Calls = 20;

    public async Task RunAsync(int programs)
    {
        var resources = SystemResources.Read(options.StateDirectory);
        var connectionString = resources.Database("programs-db", ";Command Timeout=600");
        var generated = Stopwatch.StartNew();
        var counts = await GenerateAsync(connectionString, programs);
        Console.WriteLine($"Generated {counts} in {generated.Elapsed.TotalSeconds:F1} s");

        using var channel = GrpcChannel.ForAddress(resources.Endpoint("programs", "grpc"));
        var client = new Programs.ProgramsClient(channel);
        var auth = new Metadata { { "Authorization", $"Bearer {options.Token}" } };
        await using var sql = new NpgsqlConnection(connectionString);
        await sql.OpenAsync();

        await CompareAsync("report: one SDG target, one year, nationally", sql,
            () => client.GetProgramReportAsync(new GetProgramReportRequest { SdgTarget = "11.6", Year = 2026 }, auth).ResponseAsync,
            """
            SELECT p.status, p.type, count(*) FROM programs p WHERE p.all_sdg_targets @> ARRAY['11.6'] AND p.start_date <= '2026-12-31' AND p.end_date >= '2026-01-01' GROUP BY 1, 2;
            SELECT x.side, x.gender, x.role, x.age_band, count(*) FROM programs p JOIN participants x ON x.program_id = p.id
              WHERE p.all_sdg_targets @> ARRAY['11.6'] AND p.start_date <= '2026-12-31' AND p.end_date >= '2026-01-01' GROUP BY 1, 2, 3, 4;
            SELECT a.indicator_id, sum(a.value) FROM programs p JOIN indicator_actuals a ON a.program_id = p.id
              WHERE a.is_total AND date_part('year', a.period_end) = 2026 AND p.all_sdg_targets @> ARRAY['11.6'] AND p.start_date <= '2026-12-31' AND p.end_date >= '2026-01-01' GROUP BY 1;
            """, report);
        await CompareAsync("report: one region, all years", sql,
            () => client.GetProgramReportAsync(new GetProgramReportRequest { Region = "35.78" }, auth).ResponseAsync,
            """
            SELECT p.status, p.type, count(*) FROM programs p WHERE p.region_code = '35.78' GROUP BY 1, 2;
            SELECT x.side, x.gender, x.role, x.age_band, count(*) FROM programs p JOIN participants x ON x.program_id = p.id WHERE p.region_code = '35.78' GROUP BY 1, 2, 3, 4;
            SELECT a.indicator_id, sum(a.value) FROM programs p JOIN indicator_actuals a ON a.program_id = p.id WHERE a.is_total AND p.region_code = '35.78' GROUP BY 1;
            """, report);
        await CompareAsync("partnership health, every active agreement ranked", sql,
            () => client.ListPartnershipHealthAsync(new ListPartnershipHealthRequest { PageSize = 20 }, auth).ResponseAsync,
            """
            SELECT g.agreement_id, count(*), max(p.updated_at) FROM partner_agreements g JOIN programs p ON p.agreement_id = g.agreement_id WHERE g.status = 'Active' GROUP BY 1;
            SELECT p.agreement_id, count(*) FROM programs p JOIN participants x ON x.program_id = p.id GROUP BY 1;
            SELECT p.agreement_id, count(*), max(a.recorded_on) FROM programs p JOIN indicator_actuals a ON a.program_id = p.id GROUP BY 1;
            """, report);
        await CompareAsync("SDG roll-up by province, one target, one year", sql,
            () => client.GetSdgRollupAsync(new GetSdgRollupRequest { SdgTarget = "11.6", Year = 2026, Level = RollupLevel.Province }, auth).ResponseAsync,
            """
            SELECT p.province_code, a.unit, sum(a.value), array_agg(DISTINCT p.id) FROM programs p JOIN indicator_actuals a ON a.program_id = p.id
              WHERE a.is_total AND date_part('year', a.period_end) = 2026 AND a.sdg_targets @> ARRAY['11.6'] GROUP BY 1, 2;
            """, report);
    }

    private static async Task CompareAsync<T>(string name, NpgsqlConnection sql, Func<Task<T>> call, string baseline, Report report)
    {
        await call();
        var service = new LatencyRecorder();
        for (var i = 0; i < Calls; i++)
        {
            await service.TimeAsync(call);
        }
        var plain = new LatencyRecorder();
        for (var i = 0; i < Calls; i++)
        {
            await plain.TimeAsync(async () =>
            {
                await using var command = new NpgsqlCommand(baseline, sql);
                await using var reader = await command.ExecuteReaderAsync();
                do
                {
                    while (await reader.ReadAsync())
                    {
                    }
                }
                while (await reader.NextResultAsync());
            });
        }
        if (service.Errors > 0 || plain.Errors > 0)
        {
            throw new InvalidOperationException($"{name}: {service.Errors} service calls and {plain.Errors} SQL runs failed");
        }
        report.Add(name, $"p50 {Report.Ms(service.Percentile(50))} / p99 {Report.Ms(service.Percentile(99))}",
            $"plain SQL p50 {Report.Ms(plain.Percentile(50))} / p99 {Report.Ms(plain.Percentile(99))}",
            Report.Ratio(plain.Percentile(50) / service.Percentile(50)), "the same order as SQL (ratio ≥ 0.3)");
    }

    /// <summary>Programs spread over 552 regions of 38 provinces and 2,000 active agreements, ten participants
    /// and two indicators with five actuals each per program, written by SQL in a few statements.</summary>
    private static async Task<string> GenerateAsync(string connectionString, int programs)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sql = """
            TRUNCATE partner_agreements, programs, participants, indicators, indicator_actuals;
            INSERT INTO partner_agreements (agreement_id, version, status, kind, title, indonesian_party_id, region_code, province_code, foreign_party_ids, fields, effective_on, expires_on)
            SELECT 'agr-bench-' || g, 5, 'Active', 'SisterCity', 'Bench agreement ' || g, 'idn-' || r.code, r.code, split_part(r.code, '.', 1),
                   ARRAY['gn-' || (1000000 + g)], ARRAY['education', 'culture', 'environment'], DATE '2022-01-01', DATE '2031-12-31'
            FROM generate_series(1, 2000) AS s(g),
                 LATERAL (SELECT CASE WHEN g % 552 = 0 THEN '35.78' ELSE (11 + g % 38)::text || '.' || lpad((1 + g % 14)::text, 2, '0') END AS code) r;
            INSERT INTO programs (id, agreement_id, region_code, province_code, indonesian_party_id, foreign_party_ids, type, field, title, indonesian_lead_office,
                                  foreign_lead_office, start_date, end_date, delivery_mode, location, recurrence, sdg_targets, all_sdg_targets, status, edition, series_id,
                                  approved, postponements, pivots, milestones, evaluations, created_by, created_at, updated_at, version)
            SELECT 'prg-bench-' || n, a.agreement_id, a.region_code, a.province_code, a.indonesian_party_id, a.foreign_party_ids,
                   (ARRAY['StudentExchange','Training','Festival','DevelopmentProject'])[1 + n % 4], (ARRAY['education','culture','environment'])[1 + n % 3],
                   'Bench program ' || n, 'Dinas', 'Office', DATE '2023-01-01' + (n % 1200), DATE '2023-01-01' + (n % 1200) + 180, 'InPerson', 'City', 'OneOff',
                   ARRAY[(ARRAY['11.6','17.17','4.b','13.3'])[1 + n % 4]], ARRAY[(ARRAY['11.6','17.17','4.b','13.3'])[1 + n % 4]],
                   (ARRAY['Approved','InProgress','Completed'])[1 + n % 3], 1, 'prg-bench-' || n, true, '[]', '[]', '[]', '[]', 'bench', now() - (n % 700) * interval '1 day',
                   now() - (n % 700) * interval '1 day', 3
            FROM generate_series(1, @programs) AS s(n) JOIN partner_agreements a ON a.agreement_id = 'agr-bench-' || (1 + n % 2000);
            INSERT INTO participants (id, program_id, name, role, side, gender, age_band, consent, erased, enrolled_at)
            SELECT 'par-bench-' || p.n || '-' || g.k, 'prg-bench-' || p.n, 'Participant', (ARRAY['Student','Artist','Expert','Trainee'])[1 + g.k % 4],
                   (ARRAY['Indonesian','Foreign'])[1 + g.k % 2], (ARRAY['Female','Male','Undisclosed'])[1 + (p.n + g.k) % 3], 'Age18To24',
                   '{"purpose":"bench","givenOn":"2024-01-01","method":"form"}', false, now()
            FROM generate_series(1, @programs) AS p(n), generate_series(1, 10) AS g(k);
            INSERT INTO indicators (id, program_id, name, level, unit, baseline, target, disaggregations, sdg_targets)
            SELECT 'ind-bench-' || p.n || '-' || g.k, 'prg-bench-' || p.n, 'Indicator ' || g.k, 'Output', (ARRAY['people','tonnes'])[g.k], 0, 100, ARRAY[]::text[],
                   ARRAY[(ARRAY['11.6','17.17','4.b','13.3'])[1 + p.n % 4]]
            FROM generate_series(1, @programs) AS p(n), generate_series(1, 2) AS g(k);
            INSERT INTO indicator_actuals (id, program_id, indicator_id, period_start, period_end, value, disaggregation, is_total, evidence, recorded_on, recorded_by, unit, sdg_targets)
            SELECT 'act-bench-' || p.n || '-' || i.k || '-' || s.q, 'prg-bench-' || p.n, 'ind-bench-' || p.n || '-' || i.k, DATE '2024-01-01' + s.q * 180,
                   DATE '2024-01-01' + s.q * 180 + 90, 10 + s.q, '{}', true, '[{"title":"Report","uri":"doc:bench"}]', DATE '2024-01-01' + s.q * 180 + 100, 'bench',
                   (ARRAY['people','tonnes'])[i.k], ARRAY[(ARRAY['11.6','17.17','4.b','13.3'])[1 + p.n % 4]]
            FROM generate_series(1, @programs) AS p(n), generate_series(1, 2) AS i(k), generate_series(0, 4) AS s(q);
            ANALYZE;
            """;
        // One statement at a time, so a failure names the table.
        foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = new NpgsqlCommand(statement, connection);
            command.Parameters.AddWithValue("programs", programs);
            await command.ExecuteNonQueryAsync();
        }
        await using var count = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM programs), (SELECT count(*) FROM participants), (SELECT count(*) FROM indicators), (SELECT count(*) FROM indicator_actuals)", connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return string.Create(CultureInfo.InvariantCulture,
            $"{reader.GetInt64(0):N0} programs, {reader.GetInt64(1):N0} participants, {reader.GetInt64(2):N0} indicators, {reader.GetInt64(3):N0} indicator actuals");
    }
}
