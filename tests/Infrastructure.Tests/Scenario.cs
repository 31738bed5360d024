using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;
using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Infrastructure.Tests;

/// <summary>Builds conversations and messages through the domain, stored for real, with a controllable clock.</summary>
internal sealed class Scenario(ChatDbContext db)
{
    public DateTimeOffset Now { get; set; } = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    public async Task<Conversation> DirectAsync(int a, int b)
    {
        var conversation = Conversation.OpenDirect(new UserId(a), new UserId(b), Tick());
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation;
    }

    public async Task<Message> PostAsync(Conversation conversation, int sender, string text)
    {
        var tracked = await db.Conversations.Include(c => c.Participants).SingleAsync(c => c.Id == conversation.Id);
        var message = tracked.Post(new UserId(sender), MessageBody.Text(text).Value, null, Tick()).Value;
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    private DateTimeOffset Tick() => Now = Now.AddMinutes(1);
}
