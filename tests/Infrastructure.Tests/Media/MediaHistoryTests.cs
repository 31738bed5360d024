using Astegni.Chat.Application.Messages.GetHistory;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Media;
using Astegni.Chat.Domain.Messages;
using Astegni.Chat.TestSupport;
using Astegni.Chat.TestSupport.Media;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Infrastructure.Tests.Media;

public sealed class MediaHistoryTests : DatabaseTest
{
    [Test]
    public async Task APageOfMediaMessages_IsStillOneRoundTrip_WithEachItemsMetadata()
    {
        var me = await Db.AddUserAsync("Me");
        var other = await Db.AddUserAsync("Other");
        int conversationId;
        var mediaIds = new List<int>();
        await using (var db = Db.NewContext())
        {
            var scenario = new Scenario(db);
            var conversation = await scenario.DirectAsync(me, other);
            conversationId = conversation.Id.Value;
            var tracked = await db.Conversations.Include(c => c.Participants).SingleAsync(c => c.Id == conversation.Id);
            for (var i = 0; i < 10; i++)
            {
                var item = new MediaItem(
                    new UserId(me), MediaKind.Image, "image/png", 100 + i, $"{i:x2}/{Guid.NewGuid():N}", $"photo-{i}.png", 40 + i, 30 + i, null, scenario.Now);
                db.Media.Add(item);
                await db.SaveChangesAsync();
                mediaIds.Add(item.Id.Value);
                var body = MessageBody.WithMedia(MessageType.Image, item, new UserId(me), $"caption {i}").Value;
                db.Messages.Add(tracked.Post(new UserId(me), body, null, scenario.Now.AddMinutes(i)).Value);
                await db.SaveChangesAsync();
            }
        }

        var counter = new CommandCounter();
        await using var reader = Db.NewContext(counter);
        var result = await new GetHistoryHandler(reader, new FixedCurrentUser(other), TestMediaLinks.Create())
            .Handle(new GetHistory(conversationId, Limit: 10), CancellationToken.None);

        Assert.That(counter.Count, Is.EqualTo(1), string.Join("\n---\n", counter.Commands));
        var newest = result.Value.Messages[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Value.Messages.Select(m => m.Media?.Id), Is.EqualTo(mediaIds.AsEnumerable().Reverse().Select(id => (int?)id)));
            Assert.That(newest.Media!.Url, Is.EqualTo($"/api/chat/media/{mediaIds[^1]}"));
            Assert.That(newest.Media.MimeType, Is.EqualTo("image/png"));
            Assert.That(newest.Media.Size, Is.EqualTo(109));
            Assert.That((newest.Media.Width, newest.Media.Height), Is.EqualTo((49, 39)));
            Assert.That(newest.Media.FileName, Is.EqualTo("photo-9.png"));
            Assert.That(newest.Content, Is.EqualTo("caption 9"));
        }
    }
}
