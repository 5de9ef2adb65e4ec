using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;
using Paradiplomacy.Gateway.Security;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Paradiplomacy.Gateway.Docs;

/// <summary>The OpenAPI 3 document of every REST route, made from the contracts themselves (their
/// google.api.http annotations and messages), so it cannot drift from what the services serve.</summary>
public static class OpenApiDocument
{
    /// <summary>Example values by field name, shown to partners in the document.</summary>
    private static readonly Dictionary<string, string> Examples = new()
    {
        ["id"] = "idn-35.78",
        ["query"] = "surabaya",
        ["filter"] = "country = \"JP\" AND level = SUBDIVISION",
        ["region"] = "35.78",
        ["pageSize"] = "20",
        ["countryCode"] = "GB",
        ["agreementId"] = "agr-27878449e00440888d7c743f752543df",
        ["expiringWithinDays"] = "90",
        ["programId"] = "prg-5d0c1e7a9b3f4c2e8a61d4b7f09e2c35",
        ["sdgTarget"] = "11.6",
        ["year"] = "2026",
    };

    private static readonly Dictionary<string, JsonNode> BodyExamples = new()
    {
        ["CreateAgreement"] = JsonNode.Parse("""
            {"kind":"SISTER_CITY","title":"Surabaya–Liverpool sister city","indonesianParty":{"cityId":"idn-35.78"},
             "foreignParties":[{"cityId":"gn-2644210"}],"fields":["smart_city","maritime","creative_economy"],
             "objectives":"Smart city, maritime and creative economy cooperation","mechanisms":"Working visits and expert exchange","validityMonths":60}
            """)!,
        ["UpdateCityProfile"] = JsonNode.Parse("""
            {"profile":{"traits":["port_city","industrial"],"priorityFields":["maritime","smart_city"]},"updateMask":"traits,priorityFields","etag":"3"}
            """)!,
        ["RegisterExistingAgreement"] = JsonNode.Parse("""
            {"agreement":{"kind":"SISTER_CITY","title":"DKI Jakarta – Rotterdam","indonesianParty":{"cityId":"idn-31"},
             "foreignParties":[{"cityId":"gn-2747891"}],"fields":["environment","maritime"],"validityMonths":600},
             "instruments":[{"type":"MEMORANDUM_OF_UNDERSTANDING",
               "indonesianSignatory":{"name":"Gubernur DKI Jakarta","title":"Gubernur","signedOn":{"year":1983,"month":6,"day":1},"place":"Rotterdam"},
               "foreignSignatory":{"name":"Burgemeester van Rotterdam","title":"Mayor","signedOn":{"year":1983,"month":6,"day":1},"place":"Rotterdam"}}],
             "source":"Arsip Biro Kerja Sama DKI Jakarta","requestId":"jakarta-rotterdam-1983"}
            """)!,
        ["WithdrawAgreement"] = JsonNode.Parse("""{"reason":"The partner city chose another region","etag":"4"}""")!,
        ["CreateProgram"] = JsonNode.Parse("""
            {"agreementId":"agr-27878449e00440888d7c743f752543df","type":"STUDENT_EXCHANGE","field":"education","title":"Surabaya–Busan semester exchange",
             "objectives":"Twenty vocational students a year spend a semester at a partner school","indonesianLeadOffice":"Dinas Pendidikan Kota Surabaya",
             "foreignLeadOffice":"Busan Metropolitan City Office of Education","startDate":{"year":2027,"month":2,"day":1},"endDate":{"year":2027,"month":7,"day":31},
             "deliveryMode":"IN_PERSON","location":"Busan","recurrence":"ANNUAL","sdgTargets":["4.b","17.17"]}
            """)!,
        ["AddParticipant"] = JsonNode.Parse("""
            {"name":"Ayu Pratiwi","role":"STUDENT","side":"INDONESIAN","homeCityId":"idn-35.78","gender":"FEMALE","ageBand":"UNDER_18",
             "consent":{"purpose":"Exchange administration and reporting","givenOn":{"year":2027,"month":1,"day":10},"method":"signed form (parents)"}}
            """)!,
        ["RecordIndicatorActual"] = JsonNode.Parse("""
            {"periodStart":{"year":2027,"month":2,"day":1},"periodEnd":{"year":2027,"month":7,"day":31},"value":18,"disaggregation":{"gender":"female"},
             "evidence":[{"title":"Certificates of completion","uri":"https://dispendik.surabaya.go.id/exchange/2027.pdf"}]}
            """)!,
        ["PivotProgram"] = JsonNode.Parse("""{"deliveryMode":"VIRTUAL","reason":"Travel restrictions (COVID-19): the exchange continues online","etag":"6"}""")!,
        ["SetBudget"] = JsonNode.Parse("""
            {"lines":[{"category":"EQUIPMENT","fiscalYear":2027,"amount":{"currencyCode":"IDR","units":"1200000000"},"description":"Polder pumps and sensors"},
             {"category":"INTERPRETATION","fiscalYear":2027,"amount":{"currencyCode":"EUR","units":"6000"},"description":"Dutch–Indonesian interpreters"}]}
            """)!,
        ["RecordCommitment"] = JsonNode.Parse("""{"sourceId":"src-rotterdam","amount":{"currencyCode":"EUR","units":"40000"},"fiscalYear":2027,"committedOn":{"year":2027,"month":1,"day":12},"reference":"Raadsbesluit 2027/118"}""")!,
        ["RecordExpenditure"] = JsonNode.Parse("""{"category":"TRAVEL","amount":{"currencyCode":"IDR","units":"95000000"},"spentOn":{"year":2027,"month":3,"day":4},"description":"Delegation to Rotterdam","payee":"Garuda Indonesia"}""")!,
        ["SetExchangeRate"] = JsonNode.Parse("""{"currency":"EUR","date":{"year":2027,"month":3,"day":4},"idrPerUnit":"17250.35","source":"Bank Indonesia JISDOR"}""")!,
        ["RecordClearance"] = JsonNode.Parse("""{"kind":"KEMENDAGRI_CLEARANCE","decision":"APPROVED","referenceNumber":"120/4567/OTDA","decidedOn":{"year":2026,"month":11,"day":20}}""")!,
    };

    public static JsonObject Build(IEnumerable<ServiceDescriptor> services)
    {
        var schemas = new JsonObject();
        var paths = new JsonObject();
        foreach (var binding in HttpBinding.Of(services))
        {
            var pathItem = paths[binding.Template] as JsonObject ?? new JsonObject();
            paths[binding.Template] = pathItem;
            pathItem[binding.Verb] = Operation(binding.Method.Service, binding.Method, binding.Rule, binding.Template, schemas);
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "Paradiplomacy API",
                ["version"] = "v1",
                ["description"] = "Sister-city partnerships of Indonesia's regional governments: the registry of governments, the agreements between them, the programs carried out under them with their results, and the money that funds them (budgets, pledges, tranches, expenditures, in any currency). " +
                                  "Reads are open; changes need a bearer token (OIDC) or an API key in X-Api-Key. Every method is also served over gRPC on the gateway's gRPC port, with server reflection.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                    ["apiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Api-Key" },
                },
            },
        };
    }

    private static JsonObject Operation(ServiceDescriptor service, MethodDescriptor method, HttpRule rule, string template, JsonObject schemas)
    {
        var pathParams = System.Text.RegularExpressions.Regex.Matches(template, @"\{([a-z_]+)\}").Select(m => m.Groups[1].Value).ToHashSet();
        var parameters = new JsonArray();
        foreach (var name in pathParams)
        {
            var field = method.InputType.FindFieldByName(name);
            parameters.Add(Parameter(name, "path", true, Scalar(field)));
        }
        var operation = new JsonObject
        {
            ["operationId"] = method.Name,
            ["tags"] = new JsonArray(service.Name),
            ["summary"] = method.Name,
        };
        if (rule.Body == string.Empty)
        {
            foreach (var field in method.InputType.Fields.InFieldNumberOrder().Where(f => !pathParams.Contains(f.Name) && f.FieldType != FieldType.Message))
            {
                parameters.Add(Parameter(field.JsonName, "query", false, Scalar(field)));
            }
        }
        else if (rule.Body == "*")
        {
            operation["requestBody"] = Body(Ref(method.InputType, schemas), method.Name);
        }
        else
        {
            var bodyField = method.InputType.FindFieldByName(rule.Body);
            if (bodyField.MessageType.FullName == "google.api.HttpBody")
            {
                foreach (var field in method.InputType.Fields.InFieldNumberOrder().Where(f => !pathParams.Contains(f.Name) && f != bodyField))
                {
                    parameters.Add(Parameter(field.JsonName, "query", false, Scalar(field)));
                }
                operation["requestBody"] = new JsonObject
                {
                    ["required"] = true,
                    ["content"] = new JsonObject
                    {
                        ["application/pdf"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } },
                        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } },
                    },
                };
            }
            else
            {
                operation["requestBody"] = Body(Ref(bodyField.MessageType, schemas), method.Name);
            }
        }
        operation["parameters"] = parameters;
        var write = !AccessRules.IsReadMethod(method.Name);
        operation["security"] = write
            ? new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }, new JsonObject { ["apiKey"] = new JsonArray() })
            : new JsonArray(new JsonObject(), new JsonObject { ["bearer"] = new JsonArray() }, new JsonObject { ["apiKey"] = new JsonArray() });
        var success = method.OutputType.FullName == "google.api.HttpBody"
            ? new JsonObject { ["description"] = "The file", ["content"] = new JsonObject { ["application/octet-stream"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } } } }
            : new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(method.OutputType, schemas) } } };
        var responses = new JsonObject { ["200"] = success };
        foreach (var (code, text) in new[] { ("400", "Invalid input: google.rpc.Status with BadRequest field violations"), ("401", "No or invalid credentials"),
                     ("403", "Not allowed for this caller or region"), ("404", "Not found"), ("409", "Stale etag or already exists"), ("429", "Rate limited; see Retry-After") })
        {
            if (!write && code is "401" or "403" or "409")
            {
                continue;
            }
            responses[code] = new JsonObject { ["description"] = text, ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = StatusSchema() } } };
        }
        operation["responses"] = responses;
        return operation;
    }

    private static JsonObject Body(JsonObject schema, string method)
    {
        var media = new JsonObject { ["schema"] = schema };
        if (BodyExamples.TryGetValue(method, out var example))
        {
            media["example"] = example.DeepClone();
        }
        return new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = media } };
    }

    private static JsonObject Parameter(string name, string location, bool required, JsonObject schema)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = location, ["required"] = required, ["schema"] = schema };
        if (Examples.TryGetValue(name, out var example))
        {
            parameter["example"] = example;
        }
        return parameter;
    }

    private static JsonObject Ref(MessageDescriptor message, JsonObject schemas)
    {
        switch (message.FullName)
        {
            case "google.protobuf.Timestamp":
                return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
            case "google.protobuf.FieldMask":
                return new JsonObject { ["type"] = "string", ["description"] = "comma-separated lowerCamelCase paths, e.g. traits,priorityFields" };
        }
        var name = message.FullName;
        if (!schemas.ContainsKey(name))
        {
            var properties = new JsonObject();
            schemas[name] = new JsonObject { ["type"] = "object", ["properties"] = properties };
            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                var type = field.FieldType == FieldType.Message ? Ref(field.MessageType, schemas) : Scalar(field);
                JsonObject property = field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = type } : type;
                if (field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior)?.Contains(FieldBehavior.OutputOnly) == true)
                {
                    // AIP-203 OUTPUT_ONLY: set by the service, refused in a request.
                    property = property.ContainsKey("$ref") ? new JsonObject { ["allOf"] = new JsonArray(property) } : property;
                    property["readOnly"] = true;
                }
                properties[field.JsonName] = property;
            }
        }
        return new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
    }

    private static JsonObject Scalar(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Bool => new JsonObject { ["type"] = "boolean" },
        FieldType.Int32 or FieldType.SInt32 or FieldType.UInt32 or FieldType.Fixed32 or FieldType.SFixed32 => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        // proto3 JSON writes 64-bit integers as strings.
        FieldType.Int64 or FieldType.SInt64 or FieldType.UInt64 or FieldType.Fixed64 or FieldType.SFixed64 => new JsonObject { ["type"] = "string", ["format"] = "int64" },
        FieldType.Double or FieldType.Float => new JsonObject { ["type"] = "number" },
        FieldType.Bytes => new JsonObject { ["type"] = "string", ["format"] = "byte" },
        FieldType.Enum => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name)!).ToArray()) },
        _ => new JsonObject { ["type"] = "string" },
    };

    private static JsonObject StatusSchema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["code"] = new JsonObject { ["type"] = "integer" },
            ["message"] = new JsonObject { ["type"] = "string" },
            ["details"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } },
        },
    };
}
