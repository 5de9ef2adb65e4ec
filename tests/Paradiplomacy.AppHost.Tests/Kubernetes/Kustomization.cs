using YamlDotNet.RepresentationModel;

namespace Paradiplomacy.AppHost.Tests.Kubernetes;

/// <summary>The part of kustomize that deploy/kubernetes uses, so the base and each overlay render here
/// without the kustomize binary (CI machines have none): resources (files and directories), namespace,
/// labels (metadata only), images (newTag), replicas, and patches by path as strategic merge patches,
/// whose lists of named items (containers, env, volumes) merge by name and other lists are replaced.
/// Any other field fails the render, so no manifest relies on something this does not apply; where
/// kubectl is installed the tests compare this render with `kubectl kustomize`.</summary>
public static class Kustomization
{
    private static readonly HashSet<string> Supported = ["apiVersion", "kind", "resources", "namespace", "labels", "images", "replicas", "patches"];
    private static readonly HashSet<string> ClusterScoped = ["Namespace"];

    public static IReadOnlyList<YamlMappingNode> Render(string directory)
    {
        var kustomization = Documents(Path.Combine(directory, "kustomization.yaml")).Single();
        var unknown = kustomization.Children.Keys.Select(Text).Where(k => !Supported.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new NotSupportedException($"{directory}/kustomization.yaml uses {string.Join(", ", unknown)}, which this render does not apply.");
        }

        var objects = new List<YamlMappingNode>();
        foreach (var resource in Sequence(kustomization, "resources").Select(Text))
        {
            var path = Path.GetFullPath(Path.Combine(directory, resource));
            objects.AddRange(Directory.Exists(path) ? Render(path) : Documents(path));
        }
        foreach (var patch in Sequence(kustomization, "patches").Cast<YamlMappingNode>())
        {
            if (patch.Children.Count != 1 || Scalar(patch, "path") is not { } patchPath)
            {
                throw new NotSupportedException($"{directory}: only patches by path are applied.");
            }
            foreach (var document in Documents(Path.Combine(directory, patchPath)))
            {
                var target = objects.SingleOrDefault(o => Identity(o) == Identity(document))
                    ?? throw new InvalidOperationException($"{directory}/{patchPath} patches {Identity(document)}, which no resource defines.");
                Merge(target, document);
            }
        }
        foreach (var labels in Sequence(kustomization, "labels").Cast<YamlMappingNode>())
        {
            if (labels.Children.Keys.Select(Text).Any(k => k != "pairs"))
            {
                throw new NotSupportedException($"{directory}: labels apply to metadata only (no includeSelectors or includeTemplates).");
            }
            foreach (var o in objects)
            {
                var target = Child(Child(o, "metadata"), "labels");
                foreach (var (key, value) in ((YamlMappingNode)labels.Children[new YamlScalarNode("pairs")]).Children)
                {
                    target.Children[new YamlScalarNode(Text(key))] = new YamlScalarNode(Text(value));
                }
            }
        }
        if (Scalar(kustomization, "namespace") is { } ns)
        {
            foreach (var o in objects.Where(o => !ClusterScoped.Contains(Scalar(o, "kind")!)))
            {
                Child(o, "metadata").Children[new YamlScalarNode("namespace")] = new YamlScalarNode(ns);
            }
        }
        foreach (var image in Sequence(kustomization, "images").Cast<YamlMappingNode>())
        {
            var name = Scalar(image, "name")!;
            var tag = Scalar(image, "newTag") ?? throw new NotSupportedException($"{directory}: images set newTag only.");
            foreach (var container in objects.SelectMany(Containers).Where(c => Scalar(c, "image") == name))
            {
                container.Children[new YamlScalarNode("image")] = new YamlScalarNode($"{name}:{tag}");
            }
        }
        foreach (var replicas in Sequence(kustomization, "replicas").Cast<YamlMappingNode>())
        {
            var deployment = objects.Single(o => Scalar(o, "kind") == "Deployment" && Scalar(Child(o, "metadata"), "name") == Scalar(replicas, "name"));
            Child(deployment, "spec").Children[new YamlScalarNode("replicas")] = new YamlScalarNode(Scalar(replicas, "count")!);
        }
        return objects;
    }

    /// <summary>The render as one multi-document YAML text, as kustomize prints it.</summary>
    public static string ToYaml(IEnumerable<YamlMappingNode> objects)
    {
        var stream = new YamlStream(objects.Select(o => new YamlDocument(o)));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    public static IReadOnlyList<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    /// <summary>Strategic merge: maps merge key by key; lists whose items all carry a name merge item by item.</summary>
    private static void Merge(YamlMappingNode target, YamlMappingNode patch)
    {
        foreach (var (key, value) in patch.Children)
        {
            if (value is YamlMappingNode map && target.Children.TryGetValue(key, out var existing) && existing is YamlMappingNode existingMap)
            {
                Merge(existingMap, map);
            }
            else if (value is YamlSequenceNode list && target.Children.TryGetValue(key, out var current) && current is YamlSequenceNode currentList
                     && Named(list) && Named(currentList))
            {
                foreach (var item in list.Children.Cast<YamlMappingNode>())
                {
                    var match = currentList.Children.Cast<YamlMappingNode>().FirstOrDefault(c => Scalar(c, "name") == Scalar(item, "name"));
                    if (match is null)
                    {
                        currentList.Children.Add(item);
                    }
                    else
                    {
                        Merge(match, item);
                    }
                }
            }
            else
            {
                target.Children[key] = value;
            }
        }
    }

    private static bool Named(YamlSequenceNode list) =>
        list.Children.All(i => i is YamlMappingNode m && Scalar(m, "name") is not null);

    private static IEnumerable<YamlMappingNode> Containers(YamlMappingNode o) =>
        Scalar(o, "kind") == "Deployment"
            ? ((YamlSequenceNode)Child(Child(Child(o, "spec"), "template"), "spec").Children[new YamlScalarNode("containers")]).Children.Cast<YamlMappingNode>()
            : [];

    private static string Identity(YamlMappingNode o) => $"{Scalar(o, "kind")}/{Scalar(Child(o, "metadata"), "name")}";

    private static YamlMappingNode Child(YamlMappingNode node, string key)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var child))
        {
            child = new YamlMappingNode();
            node.Children[new YamlScalarNode(key)] = child;
        }
        return (YamlMappingNode)child;
    }

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var list) ? ((YamlSequenceNode)list).Children : [];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? Text(value) : null;

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;
}
