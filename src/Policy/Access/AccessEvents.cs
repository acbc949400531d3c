using Smooth.Core.Events;

namespace Smooth.Policy.Access;

/// <summary>The audit events of a person's decision on an access request.</summary>
public static class AccessEvents
{
    /// <summary>Emits <c>access.approved</c> or <c>access.denied</c> for <paramref name="request"/>, decided through <paramref name="via"/> (cli, api).</summary>
    public static void Decided(IEventSink events, AccessRequest request, string via) =>
        events.Emit(SmoothEvent.Create(request.Status == "approved" ? "access.approved" : "access.denied", "policy", new Dictionary<string, string>
        {
            ["run"] = request.RunId, ["id"] = request.Id, ["kind"] = request.Kind, ["resource"] = request.Resource,
            ["scope"] = request.Scope ?? "", ["via"] = via,
        }));
}
