using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using k8s;
using k8s.Models;
using Paradiplomacy.Hosting;

namespace Paradiplomacy.AppHost.Tests.Kubernetes;

/// <summary>deploy/kubernetes, the base and each overlay with its patches applied, loaded through the
/// Kubernetes client's typed models (an unknown field fails) and held against the AppHost's model: the
/// same processes, the configuration names the AppHost injects, the calls it declares and nothing more.</summary>
public partial class KubernetesManifestTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<Task<AppHostModel>> Model = new(AppHostModel.BuildAsync);

    public static TheoryData<string> Renders => new() { "base", "overlays/staging", "overlays/production" };

    private static string Root => Path.Combine(RepositoryRoot.Find(), "deploy", "kubernetes");

    [Theory]
    [MemberData(nameof(Renders))]
    public void Every_object_loads_into_the_typed_models_with_no_unknown_field(string render)
    {
        var objects = Load(render);

        output.WriteLine($"{render}: {string.Join(", ", objects.GroupBy(o => o.GetType().Name).Select(g => $"{g.Count()} {g.Key}"))}");
        Assert.DoesNotContain(objects, o => o is not (V1Deployment or V1Service or V2HorizontalPodAutoscaler or V1PodDisruptionBudget
            or V1NetworkPolicy or V1Ingress or V1ConfigMap or V1Namespace));
        if (render != "base")
        {
            var ns = Assert.Single(objects.OfType<V1Namespace>()).Metadata.Name;
            Assert.All(objects.Where(o => o is not V1Namespace), o => Assert.Equal(ns, ((IMetadata<V1ObjectMeta>)o).Metadata.NamespaceProperty));
        }
    }

    [Fact]
    public void A_misspelt_field_is_refused_by_the_typed_load()
    {
        var text = Kustomization.ToYaml(Kustomization.Render(Path.Combine(Root, "base")));
        Assert.Contains("readinessProbe:", text, StringComparison.Ordinal);

        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(text.Replace("readinessProbe:", "readinesProbe:", StringComparison.Ordinal), null, true));
    }

    [Theory]
    [MemberData(nameof(Renders))]
    public async Task Every_process_of_the_AppHost_is_a_Deployment_with_probes_limits_an_autoscaler_a_disruption_budget_and_a_Service(string render)
    {
        var model = await Model.Value;
        var objects = Load(render);
        var deployments = objects.OfType<V1Deployment>().ToDictionary(d => d.Metadata.Name);

        Assert.Equal(model.Processes.Keys.Order(), deployments.Keys.Order());
        foreach (var (name, deployment) in deployments)
        {
            var pod = deployment.Spec.Template;
            var labels = pod.Metadata.Labels;
            Assert.True(Selects(deployment.Spec.Selector, labels), $"{name}: its selector does not select its own pods");
            Assert.True(pod.Spec.SecurityContext.RunAsNonRoot, $"{name} may run as root");
            Assert.False(pod.Spec.AutomountServiceAccountToken, $"{name} mounts an API token it never uses");
            var container = Assert.Single(pod.Spec.Containers);
            Assert.Equal(model.Processes[name].ContainerPorts, container.Ports.Select(p => (p.Name, p.ContainerPort)));
            Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
            Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);

            // The gateway's readiness leaves out the services behind it (see gateway.yaml); each service is ready on /health.
            Assert.Equal(name == "gateway" ? "/ready" : "/health", container.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/alive", container.LivenessProbe.HttpGet.Path);
            Assert.Equal("/alive", container.StartupProbe.HttpGet.Path);
            Assert.All(new[] { container.ReadinessProbe, container.LivenessProbe, container.StartupProbe }, p => Assert.Equal("http", p.HttpGet.Port.Value));
            foreach (var resource in new[] { "cpu", "memory" })
            {
                var request = container.Resources.Requests[resource].ToDecimal();
                var limit = container.Resources.Limits[resource].ToDecimal();
                Assert.True(request > 0 && limit >= request, $"{name}: {resource} request {request}, limit {limit}");
            }

            var autoscaler = Assert.Single(objects.OfType<V2HorizontalPodAutoscaler>(), a => a.Spec.ScaleTargetRef.Name == name);
            Assert.Equal("Deployment", autoscaler.Spec.ScaleTargetRef.Kind);
            // Two at least everywhere: a rolling update or a node drain never leaves a service without a replica.
            Assert.True(autoscaler.Spec.MinReplicas >= 2 && autoscaler.Spec.MaxReplicas > autoscaler.Spec.MinReplicas,
                $"{name}: {autoscaler.Spec.MinReplicas}..{autoscaler.Spec.MaxReplicas} replicas");
            Assert.True(deployment.Spec.Replicas >= autoscaler.Spec.MinReplicas, $"{name}: {deployment.Spec.Replicas} replicas below the autoscaler's minimum");
            var budget = Assert.Single(objects.OfType<V1PodDisruptionBudget>(), b => Selects(b.Spec.Selector, labels));
            Assert.Equal("1", budget.Spec.MaxUnavailable?.Value);

            var service = Assert.Single(objects.OfType<V1Service>(), s => s.Metadata.Name == name);
            Assert.True(service.Spec.Selector.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value), $"the Service {name} does not select its pods");
            Assert.Equal(model.Processes[name].ContainerPorts.Select(p => (p.Name, p.Port, p.Name)), service.Spec.Ports.Select(p => (p.Name, p.Port, p.TargetPort.Value)));
        }
    }

    [Theory]
    [MemberData(nameof(Renders))]
    public async Task Every_configuration_name_the_AppHost_injects_is_set_and_no_secret_is_in_plain_text(string render)
    {
        var model = await Model.Value;
        var objects = Load(render);
        var configMaps = objects.OfType<V1ConfigMap>().ToDictionary(c => c.Metadata.Name);

        Assert.Empty(objects.OfType<V1Secret>());
        Assert.All(configMaps.Values.SelectMany(c => c.Data), entry => Assert.False(LooksSecret(entry.Value), $"ConfigMap key {entry.Key} holds a credential"));
        foreach (var deployment in objects.OfType<V1Deployment>())
        {
            var name = deployment.Metadata.Name;
            var env = deployment.Spec.Template.Spec.Containers.Single().Env.ToDictionary(e => e.Name);
            var missing = model.Processes[name].Environment.Except(env.Keys).Order().ToList();
            Assert.True(missing.Count == 0, $"{name} does not set {string.Join(", ", missing)}, which the AppHost sets");
            // Discovery names for exactly the services it calls.
            var discovered = env.Keys.Where(k => k.StartsWith("services__", StringComparison.Ordinal)).Select(k => k.Split("__")[1]).ToHashSet();
            Assert.Equal(model.Processes[name].Calls.Order(), discovered.Order());
            Assert.All(discovered, callee => Assert.All(model.Processes[callee].ContainerPorts,
                endpoint => Assert.Equal($"http://{callee}:{endpoint.Port}", env[$"services__{callee}__{endpoint.Name}__0"].Value)));
            Assert.All(model.Processes[name].ContainerPorts, endpoint => Assert.Equal($"http://+:{endpoint.Port}", env[$"Kestrel__Endpoints__{endpoint.Name}__Url"].Value));
            Assert.Equal(name, env["OTEL_SERVICE_NAME"].Value);

            foreach (var variable in env.Values)
            {
                if (variable.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
                {
                    Assert.True(variable.ValueFrom?.SecretKeyRef is { } secret && secret.Name == $"{name}-connections",
                        $"{name}: {variable.Name} is not read from the Secret {name}-connections");
                }
                Assert.False(LooksSecret(variable.Value), $"{name}: {variable.Name} holds a credential in plain text");
                if (variable.ValueFrom?.ConfigMapKeyRef is { } reference)
                {
                    Assert.True(configMaps.TryGetValue(reference.Name, out var map) && map.Data.ContainsKey(reference.Key),
                        $"{name}: {variable.Name} reads {reference.Name}/{reference.Key}, which the render does not define");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Renders))]
    public async Task Network_policies_let_in_exactly_the_calls_the_AppHost_declares_and_the_outside_only_to_the_gateway(string render)
    {
        var model = await Model.Value;
        var objects = Load(render);
        var policies = objects.OfType<V1NetworkPolicy>().ToList();

        // Deny by default: a policy selecting every pod with no ingress rule.
        Assert.Contains(policies, p => p.Spec.PodSelector.MatchLabels is null or { Count: 0 } && p.Spec.PolicyTypes.Contains("Ingress") && p.Spec.Ingress is null or { Count: 0 });
        foreach (var deployment in objects.OfType<V1Deployment>())
        {
            var name = deployment.Metadata.Name;
            var labels = deployment.Spec.Template.Metadata.Labels;
            var rules = policies.Where(p => Selects(p.Spec.PodSelector, labels)).SelectMany(p => p.Spec.Ingress ?? []).ToList();
            Assert.All(rules, r => Assert.Equal(model.Processes[name].Endpoints, r.Ports.Select(p => p.Port.Value)));
            Assert.All(rules, r => Assert.NotEmpty(r.FromProperty));
            var allowed = rules.SelectMany(r => r.FromProperty).Select(Peer).ToHashSet();
            // The gateway is also called by the portal (back, with the signed-in person's token).
            var expected = model.Processes.Values.Where(p => p.Calls.Contains(name)).Select(p => p.Name).ToHashSet();
            if (name == "gateway")
            {
                expected.Add("namespace ingress-nginx");
            }
            output.WriteLine($"{name} from {string.Join(", ", allowed.Order())}");
            Assert.Equal(expected.Order(), allowed.Order());
        }
        // Only the gateway behind an Ingress, and no Service opened on the nodes or a load balancer.
        Assert.All(objects.OfType<V1Ingress>().SelectMany(i => i.Spec.Rules).SelectMany(r => r.Http.Paths),
            path => Assert.Equal("gateway", path.Backend.Service.Name));
        Assert.All(objects.OfType<V1Service>(), s => Assert.True(s.Spec.Type is null or "ClusterIP", $"{s.Metadata.Name} is a {s.Spec.Type}"));
    }

    [Theory]
    [MemberData(nameof(Renders))]
    public async Task Each_image_is_the_container_its_project_publishes(string render)
    {
        var model = await Model.Value;
        var version = XDocument.Load(Path.Combine(RepositoryRoot.Find(), "Directory.Build.props")).Descendants("Version").Single().Value;
        foreach (var deployment in Load(render).OfType<V1Deployment>())
        {
            var project = XDocument.Load(model.Processes[deployment.Metadata.Name].ProjectPath);
            var repository = project.Descendants("ContainerRepository").Select(e => e.Value).SingleOrDefault();
            var image = deployment.Spec.Template.Spec.Containers.Single().Image;
            Assert.Equal($"paradiplomacy/{deployment.Metadata.Name}", repository);
            // The tag the SDK gives the image it publishes: the release in Directory.Build.props.
            Assert.Equal($"{repository}:{version}", image);
        }
    }

    [Theory]
    [MemberData(nameof(Renders))]
    public void The_render_is_what_kubectl_kustomize_renders_where_kubectl_is_installed(string render)
    {
        if (Kubectl(Path.Combine(Root, render)) is not { } rendered)
        {
            output.WriteLine("kubectl is not installed here: the render is compared on machines that have it.");
            return;
        }
        // Compared as JSON with every map's keys in order: kustomize prints labels and annotations sorted.
        static List<string> Normal(IEnumerable<object> objects) =>
            objects.Select(o => Sorted(JsonNode.Parse(KubernetesJson.Serialize(o)))!.ToJsonString()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Normal(KubernetesYaml.LoadAllFromString(rendered, null, true)), Normal(Load(render)));
        output.WriteLine($"{render}: the same {Load(render).Count} objects as kubectl kustomize");
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
        JsonArray list => new JsonArray([.. list.Select(i => Sorted(i?.DeepClone()))]),
        _ => node?.DeepClone(),
    };

    private static List<object> Load(string render) =>
        KubernetesYaml.LoadAllFromString(Kustomization.ToYaml(Kustomization.Render(Path.Combine(Root, render))), null, true);

    private static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels) =>
        selector.MatchExpressions is null or { Count: 0 }
        && (selector.MatchLabels ?? new Dictionary<string, string>()).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value);

    private static string Peer(V1NetworkPolicyPeer peer) => peer switch
    {
        { NamespaceSelector: { } ns, PodSelector: null } => $"namespace {ns.MatchLabels["kubernetes.io/metadata.name"]}",
        { PodSelector: { } pods, NamespaceSelector: null } => pods.MatchLabels["app.kubernetes.io/name"],
        _ => $"unexpected peer {KubernetesYaml.Serialize(peer)}",
    };

    /// <summary>A password in a connection string or a URI's user information.</summary>
    private static bool LooksSecret(string? value) => value is not null && CredentialPattern().IsMatch(value);

    [GeneratedRegex(@"(?i)password\s*=|://[^/\s:@]+:[^/\s@]+@")]
    private static partial Regex CredentialPattern();

    private static string? Kubectl(string directory)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "kubectl")).FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null;
        }
        using var process = Process.Start(new ProcessStartInfo(path, ["kustomize", directory]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"kubectl kustomize {directory}: {error}");
    }
}
