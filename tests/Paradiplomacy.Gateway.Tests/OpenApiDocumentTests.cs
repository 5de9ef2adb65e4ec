using System.Text.Json.Nodes;
using Paradiplomacy.Gateway.Docs;

namespace Paradiplomacy.Gateway.Tests;

public class OpenApiDocumentTests
{
    private static readonly JsonObject Document = OpenApiDocument.Build(GatewayConfiguration.Contracts);

    [Fact]
    public void Every_method_of_every_contract_has_its_REST_operation()
    {
        var operations = Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["operationId"]!.GetValue<string>())).ToList();
        var methods = GatewayConfiguration.Contracts.SelectMany(s => s.Methods).Select(m => m.Name);

        Assert.Equal(methods.Order(StringComparer.Ordinal), operations.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Path_parameters_query_parameters_and_schemas_use_the_JSON_names()
    {
        var list = Document["paths"]!["/api/v1/cities"]!["get"]!;
        var names = list["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        var city = Document["components"]!["schemas"]!["paradiplomacy.registry.v1.City"]!["properties"]!.AsObject();

        Assert.Equal(["query", "filter", "pageSize", "pageToken"], names);
        Assert.Equal("surabaya", list["parameters"]![0]!["example"]!.GetValue<string>());
        Assert.True(city.ContainsKey("countryCode"));
        Assert.Equal("string", city["population"]!["type"]!.GetValue<string>()); // int64 travels as a string in proto3 JSON
        Assert.Contains("MUNICIPALITY", city["level"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Writes_require_credentials_and_uploads_take_the_file_as_the_body()
    {
        var create = Document["paths"]!["/api/v1/agreements"]!["post"]!;
        var upload = Document["paths"]!["/api/v1/agreements/{agreement_id}/documents"]!["post"]!;

        Assert.DoesNotContain(create["security"]!.AsArray(), s => s!.AsObject().Count == 0);
        Assert.True(upload["requestBody"]!["content"]!.AsObject().ContainsKey("application/pdf"));
        Assert.True(create["responses"]!.AsObject().ContainsKey("403"));
    }
}
