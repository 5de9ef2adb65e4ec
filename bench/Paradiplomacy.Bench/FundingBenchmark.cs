using System.Diagnostics;
using System.Globalization;
using Google.Type;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using Paradiplomacy.Contracts.Funding.V1;

namespace Paradiplomacy.Bench;

/// <summary>The funding ledger under contention and at national scale: many writers booking expenditures
/// on one program through the service beside the same transaction in plain SQL, and the national report
/// (kept balances) over a million generated entries beside summing those entries in SQL, in the same run.</summary>
public sealed class FundingBenchmark(BenchOptions options, Report report)
{
    private const int Calls = 20;
    private const string Region = "31";

    public async Task RunAsync(int entries, int writers, int perWriter)
    {
        var resources = SystemResources.Read(options.StateDirectory);
        var connectionString = resources.Database("funding-db", ";Command Timeout=600;Maximum Pool Size=64");
        using var channel = GrpcChannel.ForAddress(resources.Endpoint("funding", "grpc"));
        var client = new Funding.FundingClient(channel);
        var officer = new Metadata { { "Authorization", $"Bearer {Require("BENCH_OFFICER")}" } };
        var approver = new Metadata { { "Authorization", $"Bearer {Require("BENCH_APPROVER")}" } };

        await ContentionAsync(client, officer, approver, connectionString, writers, perWriter);

        var generated = Stopwatch.StartNew();
        var counts = await GenerateAsync(connectionString, entries);
        Console.WriteLine($"Generated {counts} in {generated.Elapsed.TotalSeconds:F1} s");
        await using var sql = new NpgsqlConnection(connectionString);
        await sql.OpenAsync();
        await CompareAsync("funding report: every region, one year", sql,
            () => client.GetFundingReportAsync(new GetFundingReportRequest { GroupBy = ReportGrouping.ByRegion, FiscalYear = 2026 }, officer).ResponseAsync,
            """
            SELECT f.region_code, e.account, e.source_id <> '', sum(CASE WHEN e.debit THEN e.idr_minor ELSE -e.idr_minor END)
            FROM ledger_entries e JOIN program_fundings f ON f.id = e.program_id WHERE e.fiscal_year = 2026 GROUP BY 1, 2, 3;
            """);
        await CompareAsync("funding report: one province by source", sql,
            () => client.GetFundingReportAsync(new GetFundingReportRequest { GroupBy = ReportGrouping.BySource, Region = "35" }, officer).ResponseAsync,
            """
            SELECT e.source_id, e.account, sum(CASE WHEN e.debit THEN e.idr_minor ELSE -e.idr_minor END)
            FROM ledger_entries e JOIN program_fundings f ON f.id = e.program_id WHERE f.region_code = '35' OR f.region_code LIKE '35.%' GROUP BY 1, 2;
            """);
    }

    /// <summary>One program with ample funds disbursed; <paramref name="writers"/> callers each book
    /// <paramref name="perWriter"/> expenditures at once. Beside it, the same ledger transaction in SQL on
    /// another program: lock, read the balances, check the funds, add the expenditure, two entries, two
    /// balances, the request id, the audit record and the outbox event, bump the version, commit.</summary>
    private async Task ContentionAsync(Funding.FundingClient client, Metadata officer, Metadata approver, string connectionString, int writers, int perWriter)
    {
        var program = await FundedAsync(client, officer, approver, connectionString, "prg-bench-contended");
        var service = new LatencyRecorder();
        var refused = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                await service.TimeAsync(() => client.RecordExpenditureAsync(new RecordExpenditureRequest
                {
                    ProgramId = program, RequestId = Guid.NewGuid().ToString("N"),
                    Expenditure = new Expenditure { Category = BudgetCategory.Travel, Amount = new Money { CurrencyCode = "IDR", Units = 1_000 }, SpentOn = Today(), Description = "Bench" },
                }, officer).ResponseAsync);
            }
        }));
        var serviceRate = service.Count / clock.Elapsed.TotalSeconds;

        var baselineProgram = await FundedAsync(client, officer, approver, connectionString, "prg-bench-plain");
        var plain = new LatencyRecorder();
        await using var data = NpgsqlDataSource.Create(connectionString);
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                await plain.TimeAsync(async () =>
                {
                    if (!await BookInSqlAsync(data, baselineProgram, 1_000_00))
                    {
                        Interlocked.Increment(ref refused);
                    }
                });
            }
        }));
        var plainRate = plain.Count / clock.Elapsed.TotalSeconds;
        if (service.Errors > 0 || plain.Errors > 0 || refused > 0)
        {
            throw new InvalidOperationException($"contention: {service.Errors} service calls, {plain.Errors} SQL transactions failed, {refused} refused");
        }
        report.Add($"expenditure booking, {writers} writers on one program", $"{Report.Rps(serviceRate)}, p50 {Report.Ms(service.Percentile(50))} / p99 {Report.Ms(service.Percentile(99))}",
            $"plain SQL {Report.Rps(plainRate)}, p50 {Report.Ms(plain.Percentile(50))} / p99 {Report.Ms(plain.Percentile(99))}",
            Report.Ratio(serviceRate / plainRate), "≥ 0.3 of the same transaction in SQL");
    }

    private static async Task<bool> BookInSqlAsync(NpgsqlDataSource data, string program, long idrMinor)
    {
        await using var connection = await data.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        async Task<object?> Run(string sql, params object[] values)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }
            return await command.ExecuteScalarAsync();
        }
        var request = Guid.NewGuid().ToString("N");
        var id = "exp-" + request[..16];
        var txn = "txn-" + request[16..];
        await Run("SELECT 1 FROM program_fundings WHERE id = $1 FOR UPDATE", program);
        await Run("SELECT count(*) FROM money_requests WHERE program_id = $1 AND request_id = $2", program, request);
        var available = (long)(await Run("SELECT coalesce(sum(idr_minor), 0)::bigint FROM balances WHERE program_id = $1 AND account = 'Cash'", program))!;
        if (available < idrMinor)
        {
            return false;
        }
        await Run("""
            INSERT INTO expenditures (id, program_id, category, fiscal_year, value, spent_on, description, status, overrun, overrun_idr_minor, recorded_by, transaction_id, receipts)
            VALUES ($1, $2, 'Travel', 2026, '{"original":{"minor":100000,"currency":"IDR"},"idrMinor":100000,"rate":1,"rateDate":"2026-12-01"}', current_date, 'Bench', 'Recorded', false, 0, 'bench', $3, '[]')
            """, id, program, txn);
        await Run("""
            INSERT INTO ledger_entries (program_id, transaction_id, line, kind, account, debit, source_id, category, fiscal_year, currency, amount_minor, idr_minor, rate, rate_date, value_date, reference, description, booked_by, booked_at)
            VALUES ($1, $2, 1, 'Expenditure', 'Expense', true, '', 'Travel', 2026, 'IDR', $3, $3, 1, current_date, current_date, $4, 'Bench', 'bench', now()),
                   ($1, $2, 2, 'Expenditure', 'Cash', false, '', 'Unspecified', 2026, 'IDR', $3, $3, 1, current_date, current_date, $4, 'Bench', 'bench', now())
            """, program, txn, idrMinor, id);
        await Run("""
            INSERT INTO balances (program_id, key, account, source_id, category, fiscal_year, currency, amount_minor, idr_minor)
            VALUES ($1, 'Expense|||Travel|2026|IDR', 'Expense', '', 'Travel', 2026, 'IDR', $2, $2), ($1, 'Cash||||2026|IDR', 'Cash', '', 'Unspecified', 2026, 'IDR', -$2, -$2)
            ON CONFLICT (program_id, key) DO UPDATE SET amount_minor = balances.amount_minor + excluded.amount_minor, idr_minor = balances.idr_minor + excluded.idr_minor
            """, program, idrMinor);
        await Run("INSERT INTO money_requests (program_id, request_id, actor, action, target, at) VALUES ($1, $2, 'bench', 'record_expenditure', $3, now())", program, request, id);
        await Run("INSERT INTO audit_records (aggregate_type, aggregate_id, actor, at, action, changes) VALUES ('ProgramFunding', $1, 'bench', now(), 'record_expenditure', '[]')", program);
        await Run("INSERT INTO outbox_messages (id, message_type, payload, occurred_at, attempts) VALUES (gen_random_uuid(), 'bench', '{}', now(), 0)");
        await Run("UPDATE program_fundings SET version = version + 1, updated_at = now() WHERE id = $1", program);
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>A program the funding service knows (its projection row, written as the programs events
    /// would), with an approved budget, a pledge of a billion rupiah and all of it paid.</summary>
    private static async Task<string> FundedAsync(Funding.FundingClient client, Metadata officer, Metadata approver, string connectionString, string program)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO funded_programs (program_id, version, status, agreement_id, region_code, title, field, foreign_party_ids, start_date, end_date)
                VALUES ($1, 3, 'InProgress', 'agr-bench', '31', 'Bench program', 'environment', ARRAY['gn-2747891'], DATE '2026-01-01', DATE '2027-12-31')
                ON CONFLICT DO NOTHING
                """, connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = program });
            await insert.ExecuteNonQueryAsync();
        }
        var source = await client.CreateFundingSourceAsync(new CreateFundingSourceRequest
        {
            Source = new FundingSource { Kind = SourceKind.RegionalBudget, Name = "APBD DKI Jakarta (bench)", DefaultCurrency = "IDR" }, RequestId = Guid.NewGuid().ToString("N"),
        }, officer);
        var budget = new SetBudgetRequest { ProgramId = program };
        budget.Lines.Add(new BudgetLine { Category = BudgetCategory.Travel, FiscalYear = Today().Year, Amount = new Money { CurrencyCode = "IDR", Units = 1_000_000_000 } });
        await client.SetBudgetAsync(budget, officer);
        await client.ApproveBudgetAsync(new ApproveBudgetRequest { ProgramId = program }, approver);
        await client.RecordCommitmentAsync(new RecordCommitmentRequest
        {
            ProgramId = program, RequestId = Guid.NewGuid().ToString("N"), Commitment = new Commitment { SourceId = source.Id, Amount = new Money { CurrencyCode = "IDR", Units = 1_000_000_000 } },
        }, officer);
        var planned = await client.PlanTrancheAsync(new PlanTrancheRequest
        {
            ProgramId = program, RequestId = Guid.NewGuid().ToString("N"),
            Tranche = new Tranche { SourceId = source.Id, Amount = new Money { CurrencyCode = "IDR", Units = 1_000_000_000 }, PlannedDate = Today() },
        }, officer);
        var tranche = planned.Tranches[0].Id;
        await client.RequestDisbursementAsync(new RequestDisbursementRequest { ProgramId = program, TrancheId = tranche }, officer);
        await client.ApproveDisbursementAsync(new ApproveDisbursementRequest { ProgramId = program, TrancheId = tranche }, approver);
        await client.RecordDisbursementPaidAsync(new RecordDisbursementPaidRequest { ProgramId = program, TrancheId = tranche, PaidOn = Today(), RequestId = Guid.NewGuid().ToString("N") }, approver);
        return program;
    }

    private async Task CompareAsync<T>(string name, NpgsqlConnection sql, Func<Task<T>> call, string baseline)
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
                while (await reader.ReadAsync())
                {
                }
            });
        }
        if (service.Errors > 0 || plain.Errors > 0)
        {
            throw new InvalidOperationException($"{name}: {service.Errors} service calls and {plain.Errors} SQL runs failed");
        }
        report.Add(name, $"p50 {Report.Ms(service.Percentile(50))} / p99 {Report.Ms(service.Percentile(99))}",
            $"summing the entries in SQL p50 {Report.Ms(plain.Percentile(50))} / p99 {Report.Ms(plain.Percentile(99))}",
            Report.Ratio(plain.Percentile(50) / service.Percentile(50)), "kept balances beat re-adding entries (ratio ≥ 1)");
    }

    /// <summary>Programs over 552 regions, each with a pledge, payments and expenditures: <paramref name="entries"/>
    /// ledger entries in balanced pairs, their balances added up by SQL from the entries (as the service keeps them).</summary>
    private static async Task<string> GenerateAsync(string connectionString, int entries)
    {
        var programs = Math.Max(1, entries / 50);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sql = """
            INSERT INTO funded_programs (program_id, version, status, agreement_id, region_code, title, field, foreign_party_ids, start_date, end_date)
            SELECT 'prg-gen-' || n, 3, 'InProgress', 'agr-gen-' || (n % 2000), r.code, 'Generated program ' || n, 'environment', ARRAY['gn-' || (1000000 + n % 2000)], DATE '2025-01-01', DATE '2027-12-31'
            FROM generate_series(1, @programs) AS s(n),
                 LATERAL (SELECT CASE WHEN n % 552 = 0 THEN '35.78' ELSE (11 + n % 38)::text || '.' || lpad((1 + n % 14)::text, 2, '0') END AS code) r;
            INSERT INTO program_fundings (id, region_code, agreement_id, budget, updated_at, version)
            SELECT p.program_id, p.region_code, p.agreement_id,
                   ('{"status":2,"revision":1,"lines":[{"category":1,"fiscalYear":2026,"value":{"original":{"minor":50000000000,"currency":"IDR"},"idrMinor":50000000000,"rate":1,"rateDate":"2026-01-02"},"description":""}],"setBy":"bench","approvedBy":"bench","approvedAt":"2026-01-02T00:00:00+00:00"}')::jsonb,
                   now(), 5
            FROM funded_programs p WHERE p.program_id LIKE 'prg-gen-%';
            INSERT INTO ledger_entries (program_id, transaction_id, line, kind, account, debit, source_id, category, fiscal_year, currency, amount_minor, idr_minor, rate, rate_date, value_date, reference, description, booked_by, booked_at)
            SELECT 'prg-gen-' || n, 'txn-gen-' || n || '-' || t, l.line,
                   CASE WHEN t = 0 THEN 'Commitment' WHEN t < 5 THEN 'Disbursement' ELSE 'Expenditure' END,
                   CASE WHEN t = 0 THEN (ARRAY['Receivable','Pledged'])[l.line] WHEN t < 5 THEN (ARRAY['Cash','Receivable'])[l.line] ELSE (ARRAY['Expense','Cash'])[l.line] END,
                   l.line = 1,
                   CASE WHEN t < 5 THEN 'src-gen-' || (n % 552) ELSE '' END,
                   CASE WHEN t >= 5 AND l.line = 1 THEN 'Travel' ELSE 'Unspecified' END,
                   2025 + t % 2, 'IDR', a.amount, a.amount, 1, DATE '2026-01-02', DATE '2026-01-02', 'ref-' || t, 'Generated', 'bench', now()
            FROM generate_series(1, @programs) AS s(n), generate_series(0, 24) AS x(t), generate_series(1, 2) AS l(line),
                 LATERAL (SELECT CASE WHEN t = 0 THEN 100000000000 WHEN t < 5 THEN 20000000000 ELSE 1000000000 END::bigint AS amount) a;
            INSERT INTO balances (program_id, key, account, source_id, category, fiscal_year, currency, amount_minor, idr_minor)
            SELECT program_id, account || '|' || source_id || '|' || CASE WHEN category = 'Unspecified' THEN '' ELSE category END || '|' || fiscal_year || '|' || currency,
                   account, source_id, category, fiscal_year, currency, sum(CASE WHEN debit THEN amount_minor ELSE -amount_minor END), sum(CASE WHEN debit THEN idr_minor ELSE -idr_minor END)
            FROM ledger_entries WHERE program_id LIKE 'prg-gen-%' GROUP BY program_id, account, source_id, category, fiscal_year, currency;
            ANALYZE;
            """;
        foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = new NpgsqlCommand(statement, connection);
            command.Parameters.AddWithValue("programs", programs);
            await command.ExecuteNonQueryAsync();
        }
        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM program_fundings), (SELECT count(*) FROM ledger_entries), (SELECT count(*) FROM balances)", connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(0):N0} programs' funding, {reader.GetInt64(1):N0} ledger entries, {reader.GetInt64(2):N0} balances");
    }

    private static Date Today()
    {
        var today = System.DateTime.UtcNow;
        return new Date { Year = today.Year, Month = today.Month, Day = today.Day };
    }

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set; run bench/funding-ledger.sh.");
}
