using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Paradiplomacy.Hosting.Supervision;

/// <summary>The resources (by instance id, or by name where the command named the resource) an operator (or a
/// test) asked to stop, by the stop command: their exit is
/// not a crash. DCP's state changes alone do not tell: a stop's "Stopping" can be coalesced away before the
/// exit is reported, and a stopped replica was then started again as if it had crashed.</summary>
public sealed class RequestedStops
{
    private readonly ConcurrentDictionary<string, bool> _stopped = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _tracked = new(StringComparer.Ordinal);

    public void Add(string resourceId) => _stopped[resourceId] = false;

    public bool Contains(string resourceId) => _stopped.ContainsKey(resourceId);

    /// <summary>The start command was given: the stop is forgotten once the resource runs again (<see cref="Running"/>),
    /// not before, since DCP still reports the old exit while it starts the process.</summary>
    public void Restarting(string resourceId)
    {
        if (_stopped.ContainsKey(resourceId))
        {
            _stopped[resourceId] = true;
        }
    }

    /// <summary>The resource runs: after a start asked for, a later exit is a crash again.</summary>
    public void Running(string resourceId)
    {
        if (_stopped.TryGetValue(resourceId, out var restarting) && restarting)
        {
            _stopped.TryRemove(resourceId, out _);
        }
    }

    /// <summary>Makes the resource's stop command note the stop before DCP carries it out, and its start command
    /// forget it once the resource runs again; once per resource. The commands exist once DCP has the resource (Aspire adds them then), so this
    /// runs at the resource's first state change.</summary>
    public bool Track(IResource resource)
    {
        // Until DCP has it, the resource has no commands yet: looked at again at its next change.
        if (_tracked.ContainsKey(resource.Name) || !resource.Annotations.OfType<ResourceCommandAnnotation>().Any(c => c.Name == KnownResourceCommands.StopCommand)
            || !_tracked.TryAdd(resource.Name, 0))
        {
            return false;
        }
        Wrap(resource, KnownResourceCommands.StopCommand, (stops, id) => stops.Add(id));
        Wrap(resource, KnownResourceCommands.StartCommand, (stops, id) => stops.Restarting(id));
        return true;
    }

    private static void Wrap(IResource resource, string name, Action<RequestedStops, string> note)
    {
        var annotations = resource.Annotations;
        if (annotations.OfType<ResourceCommandAnnotation>().FirstOrDefault(c => c.Name == name) is not { } command)
        {
            return;
        }
        // In the original's place: whoever looks the command up by name finds this one.
        annotations[annotations.IndexOf(command)] = new ResourceCommandAnnotation(command.Name, command.DisplayName, command.UpdateState, context =>
            {
                note(context.Services.GetRequiredService<RequestedStops>(), context.ResourceName);
                return command.ExecuteCommand(context);
            },
            command.DisplayDescription, command.Arguments, command.ConfirmationMessage, command.IconName, command.IconVariant, command.IsHighlighted,
            command.Visibility, command.ValidateArguments);
    }
}
