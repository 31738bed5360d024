using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Privacy.GetPrivacySettings;

/// <summary>My privacy settings; the defaults when I never changed them.</summary>
public sealed record GetPrivacySettings : IChatQuery<PrivacySettingsView>;

public sealed class GetPrivacySettingsHandler(ICurrentUser currentUser, PolicyFacts policyFacts)
    : IQueryHandler<GetPrivacySettings, Result<PrivacySettingsView>>
{
    public async ValueTask<Result<PrivacySettingsView>> Handle(GetPrivacySettings query, CancellationToken cancellationToken) =>
        PrivacySettingsView.From(await policyFacts.SettingsOfAsync(currentUser.Id, cancellationToken));
}
