using Astegni.Chat.TestSupport;

namespace Astegni.Chat.Api.Tests.Faults;

/// <summary>The people of a fault test: pairs of users in direct conversations, one sender in each.</summary>
public static class FaultScenario
{
    public static async Task<IReadOnlyList<(HttpClient Client, int ConversationId)>> SendersAsync(TestDatabase db, ServiceProcess service, int pairs)
    {
        var senders = new List<(HttpClient, int)>();
        for (var pair = 0; pair < pairs; pair++)
        {
            var sender = await db.AddUserAsync($"Sender{pair}");
            var recipient = await db.AddUserAsync($"Recipient{pair}");
            var client = service.ClientFor(sender);
            var conversationId = await new TestUser(sender, client).OpenDirectIdAsync(recipient);
            senders.Add((client, conversationId));
        }

        return senders;
    }
}
