using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Presence.GoOnline;

/// <summary>
/// I came online: my first hub connection opened (the hub counts connections in <see cref="IPresenceStore"/>).
/// Those allowed to see my online status are told. Nothing is stored, so no transaction is opened.
/// </summary>
public sealed record GoOnline : IChatCommand, IStoresNothing;

public sealed class GoOnlineHandler(ICurrentUser currentUser, PresenceBroadcaster broadcaster) : ICommandHandler<GoOnline, Result>
{
    public async ValueTask<Result> Handle(GoOnline command, CancellationToken cancellationToken)
    {
        await broadcaster.AnnounceAsync(currentUser.Id, isOnline: true, lastSeen: null, cancellationToken);
        return Result.Success();
    }
}
