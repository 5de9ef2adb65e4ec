using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>Every operation of the API, REST and gRPC, given random and malformed input as an officer and as
/// nobody: never a 500 or INTERNAL, never a stack trace in an answer, and nothing written. The inputs come
/// from a seeded generator (the seed is printed, so a failure can be replayed).</summary>
[Collection(ReliabilityCollection.Name)]
public partial class MalformedInputTests(ReliabilityFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Region = "35.73"; // Kota Malang: no other test changes it

    /// <summary>Strings a careless or hostile client sends where an id, a name or a filter goes.</summary>
    private static readonly string[] Nasty =
    [
        "", " ", "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "idn-35.73/../../admin", "' OR '1'='1", "1; DROP TABLE agreements; --",
        "\"; SELECT pg_sleep(5); --", "%00", "\u0000", "<script>alert(1)</script>", "${jndi:ldap://x}", "{{7*7}}", new string('9', 400),
        "🤝🇮🇩", "Ṡurabaya\u202E", "-1", "2147483648", "NaN", "null", "true", "[]", "{}",
    ];

    [Fact]
    public async Task Random_and_malformed_REST_requests_never_fail_inside_and_change_nothing()
    {
        var (random, officer, before) = await BeginAsync();

        using var document = JsonDocument.Parse(await fixture.Gateway.GetStringAsync("/openapi/v1.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Method: new HttpMethod(op.Name.ToUpperInvariant()), Template: path.Name)))
            .ToList();
        Assert.True(operations.Count >= 90, $"the OpenAPI document lists only {operations.Count} operations");

        var failures = new List<string>();
        int sent = 0, throttled = 0;
        foreach (var (method, template) in operations)
        {
            foreach (var token in new[] { officer, null })
            {
                for (var i = 0; i < 4; i++)
                {
                    var path = PathParameter().Replace(template, _ => Uri.EscapeDataString(i == 0 ? "idn-35.73" : Pick(random, Nasty)));
                    var query = i switch
                    {
                        1 => "?page_size=2147483647&page_token=" + Uri.EscapeDataString(Pick(random, Nasty)),
                        2 => "?page_size=-5&filter=" + Uri.EscapeDataString(Pick(random, Nasty)),
                        _ => "?requestId=" + Uri.EscapeDataString(Pick(random, Nasty)),
                    };
                    using var request = new HttpRequestMessage(method, path + query);
                    if (method != HttpMethod.Get && method != HttpMethod.Delete)
                    {
                        request.Content = new ByteArrayContent(Body(random, i));
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    }
                    if (token is not null)
                    {
                        request.Headers.Authorization = new("Bearer", token);
                    }
                    using var response = await fixture.Gateway.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    sent++;
                    throttled += response.StatusCode == System.Net.HttpStatusCode.TooManyRequests ? 1 : 0;
                    if ((int)response.StatusCode >= 500 || LooksLikeAStackTrace(text))
                    {
                        failures.Add($"{method} {path}{query} [{(token is null ? "anonymous" : "officer")}]: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
                    }
                }
            }
        }
        output.WriteLine($"{throttled} of them refused by the rate limits");
        // Inputs that met the limiter were never tried on a service.
        Assert.True(throttled * 20 <= sent, $"{throttled} of {sent} requests were rate-limited");
        await EndAsync($"{sent} requests over {operations.Count} operations", failures, officer, before);
    }

    [Fact]
    public async Task Random_protobuf_bytes_to_every_gRPC_method_never_get_INTERNAL()
    {
        var (random, officer, before) = await BeginAsync();
        using var channel = GrpcChannel.ForAddress(fixture.Host.GatewayGrpcUrl);
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        var methods = typeof(Paradiplomacy.Contracts.Registry.V1.CityRegistry).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .SelectMany(p => ((FileDescriptor)p!.GetValue(null)!).Services)
            .SelectMany(s => s.Methods.Where(m => !m.IsClientStreaming && !m.IsServerStreaming).Select(m => (Service: s.FullName, m.Name)))
            .ToList();
        Assert.True(methods.Count >= 90, $"only {methods.Count} unary methods found");

        var failures = new List<string>();
        var sent = 0;
        foreach (var (service, name) in methods)
        {
            var method = new Method<byte[], byte[]>(MethodType.Unary, service, name, bytes, bytes);
            for (var i = 0; i < 6; i++)
            {
                var payload = new byte[random.Next(0, i == 5 ? 4096 : 64)];
                random.NextBytes(payload);
                var headers = new Metadata { { "authorization", $"Bearer {officer}" } };
                try
                {
                    await channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(headers, DateTime.UtcNow.AddSeconds(30)), payload);
                }
                catch (RpcException ex) when (ex.StatusCode is not (StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss) && !LooksLikeAStackTrace(ex.Status.Detail))
                {
                    // A refusal, as it should be (or, rarely, random bytes that happened to be a valid request).
                }
                catch (RpcException ex)
                {
                    failures.Add($"{service}/{name} ({payload.Length} bytes): {ex.StatusCode} {ex.Status.Detail}");
                }
                sent++;
            }
        }
        await EndAsync($"{sent} calls over {methods.Count} methods", failures, officer, before);
    }

    /// <summary>A seeded generator (the seed printed, to replay a failure), the fuzzing officer, and the region's state before.</summary>
    private async Task<(Random Random, string Officer, string Before)> BeginAsync()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var officer = fixture.Token("regional-officer", Region, subject: $"fuzzer@{Region}");
        return (new Random(seed), officer, await RegionStateAsync(officer));
    }

    /// <summary>Nothing failed inside, and the region is as it was.</summary>
    private async Task EndAsync(string tried, List<string> failures, string officer, string before)
    {
        output.WriteLine($"{tried}, {failures.Count} failed inside");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(15)));
        Assert.Equal(before, await RegionStateAsync(officer));
    }

    /// <summary>What a write to the region would change: its city's etag, and its agreements, programs and meetings.</summary>
    private async Task<string> RegionStateAsync(string officer)
    {
        var state = new StringBuilder();
        foreach (var path in new[]
        {
            "/api/v1/cities/idn-35.73", $"/api/v1/agreements?filter=region%20%3D%20%22{Region}%22", $"/api/v1/programs?filter=region%20%3D%20%22{Region}%22",
            $"/api/v1/meetings?filter=region%20%3D%20%22{Region}%22",
        })
        {
            var (status, body) = await fixture.SendAsync(HttpMethod.Get, path, officer);
            state.Append(status).Append(' ').AppendLine(body);
        }
        return state.ToString();
    }

    private static byte[] Body(Random random, int kind) => kind switch
    {
        0 => Encoding.UTF8.GetBytes(RandomJson(random, 0)),
        1 => Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), // deep nesting
        2 => [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D], // {"a":"<invalid UTF-8>"}
        _ => Encoding.UTF8.GetBytes("{\"title\": \"" + Pick(random, Nasty).Replace("\"", "\\\"", StringComparison.Ordinal) + "\", \"pageSize\": 99999999999999999999, \"id\": ["),
    };

    /// <summary>A JSON value of random shape: objects with the API's own field names and others, arrays, numbers out of range, strings that attack.</summary>
    private static string RandomJson(Random random, int depth)
    {
        string[] names = ["id", "title", "cityId", "agreementId", "programId", "requestId", "etag", "updateMask", "amount", "units", "currencyCode", "startTime", "profile", "agreement", "program", "meeting", "fields", "status", "x"];
        return (depth > 4 ? random.Next(3, 7) : random.Next(0, 7)) switch
        {
            0 => "{" + string.Join(",", Enumerable.Range(0, random.Next(1, 6)).Select(_ => JsonSerializer.Serialize(Pick(random, names)) + ":" + RandomJson(random, depth + 1))) + "}",
            1 => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 5)).Select(_ => RandomJson(random, depth + 1))) + "]",
            2 => "{\"agreement\":" + RandomJson(random, depth + 1) + ",\"program\":" + RandomJson(random, depth + 1) + "}",
            3 => JsonSerializer.Serialize(Pick(random, Nasty)),
            4 => Pick(random, ["-1", "1e400", "0.0000001", "18446744073709551616", "-9223372036854775809"]),
            5 => Pick(random, ["true", "null", "false"]),
            _ => JsonSerializer.Serialize(new string((char)random.Next(32, 0x2FFF), random.Next(0, 3000))),
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> from) => from[random.Next(from.Count)];

    private static bool LooksLikeAStackTrace(string text) =>
        text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception:", StringComparison.Ordinal) || text.Contains(".cs:line", StringComparison.Ordinal);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();
}
