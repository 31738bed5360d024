using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Privacy.UpdatePrivacySettings;

/// <summary>Change any subset of my privacy settings; fields left out keep their value.</summary>
public sealed record UpdatePrivacySettings(
    string? WhoCanMessage = null,
    string? AllowCallsFrom = null,
    string? AllowGroupAdds = null,
    string? LastSeenVisibility = null,
    bool? OnlineStatus = null,
    bool? ReadReceipts = null,
    bool? TypingIndicators = null,
    bool? DisableForwarding = null,
    bool? BlockScreenshots = null) : IChatCommand<PrivacySettingsView>;

public sealed class UpdatePrivacySettingsHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdatePrivacySettings, Result<PrivacySettingsView>>
{
    public async ValueTask<Result<PrivacySettingsView>> Handle(UpdatePrivacySettings command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = await db.PrivacySettings.FirstOrDefaultAsync(s => s.UserId == currentUser.Id, cancellationToken);
        if (settings is null)
        {
            settings = PrivacySettings.Defaults(currentUser.Id, now);
            db.PrivacySettings.Add(settings);
        }

        settings.Update(
            new PrivacyChanges(
                Parse<Audience>(command.WhoCanMessage),
                Parse<Audience>(command.AllowCallsFrom),
                Parse<Audience>(command.AllowGroupAdds),
                Parse<Visibility>(command.LastSeenVisibility),
                command.OnlineStatus,
                command.ReadReceipts,
                command.TypingIndicators,
                command.DisableForwarding,
                command.BlockScreenshots),
            now);
        return PrivacySettingsView.From(settings);
    }

    // The validator has refused unknown words already.
    private static TEnum? Parse<TEnum>(string? text)
        where TEnum : struct, Enum => text is null ? null : WireValue.Parse<TEnum>(text);
}
