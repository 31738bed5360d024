using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Privacy;

namespace Astegni.Chat.Domain.Policies;

/// <summary>
/// May the viewer (actor) see how far the reader (target) has read? Receipts are mutual: only when
/// both keep read receipts on, and never across a block in either direction. Everyone sees their own.
/// </summary>
public static class ReadReceiptPolicy
{
    public static readonly Error Blocked =
        Error.Forbidden("read_receipts_unavailable", "Read receipts are not shared between these people.");

    public static readonly Error ReaderHidesReceipts =
        Error.Forbidden("reader_read_receipts_off", "This person does not share read receipts.");

    public static readonly Error ViewerHidesReceipts =
        Error.Forbidden("viewer_read_receipts_off", "Turn read receipts on to see other people's.");

    public static PolicyDecision Evaluate(RelationshipFacts facts, PrivacySettings readerSettings, PrivacySettings viewerSettings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(readerSettings);
        ArgumentNullException.ThrowIfNull(viewerSettings);

        if (readerSettings.UserId == viewerSettings.UserId)
        {
            return PolicyDecision.Allow();
        }

        if (facts.EitherBlocked)
        {
            return PolicyDecision.Deny(Blocked);
        }

        if (!readerSettings.ReadReceipts)
        {
            return PolicyDecision.Deny(ReaderHidesReceipts);
        }

        return viewerSettings.ReadReceipts ? PolicyDecision.Allow() : PolicyDecision.Deny(ViewerHidesReceipts);
    }
}
