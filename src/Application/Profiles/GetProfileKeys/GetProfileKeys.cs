using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Profiles.GetProfileKeys;

/// <summary>
/// The role profile by which Astegni's old chat modal recognises each of these users (their active or only
/// role's profile; see <see cref="IProfileDirectory.ProfilesOfAsync"/>). The modal matches blocks to
/// conversations by these keys, so every response that carries them must take them from here.
/// Profiles are public in Astegni (the tutor pages show them), so no visibility rule applies.
/// </summary>
public sealed record GetProfileKeys(IReadOnlyList<int> UserIds) : IChatQuery<ProfileKeys>
{
    public const int MaxUserIds = 200;
}

public sealed record ProfileKeys(IReadOnlyDictionary<int, ProfileRef> ByUserId);

public sealed class GetProfileKeysHandler(IProfileDirectory profiles) : IQueryHandler<GetProfileKeys, Result<ProfileKeys>>
{
    public async ValueTask<Result<ProfileKeys>> Handle(GetProfileKeys query, CancellationToken cancellationToken)
    {
        var found = await profiles.ProfilesOfAsync(query.UserIds.Select(id => new UserId(id)).ToList(), cancellationToken);
        return new ProfileKeys(found.ToDictionary(p => p.Key.Value, p => p.Value));
    }
}
