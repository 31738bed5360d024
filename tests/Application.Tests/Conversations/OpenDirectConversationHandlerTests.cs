using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.OpenDirectConversation;
using Astegni.Chat.Domain.Common;
using NSubstitute;

namespace Astegni.Chat.Application.Tests.Conversations;

// Only the refusal decided before the store is consulted: the chat store is a bare substitute
// that must see no call at all (queries are covered by the database-backed tests).
public class OpenDirectConversationHandlerTests
{
    [Test]
    public async Task Handle_WithAnUnknownOrInactiveUser_IsRefusedAsUserNotFound()
    {
        var db = Substitute.For<IChatDbContext>();
        var connections = Substitute.For<IConnectionDirectory>();
        var users = Substitute.For<IUserDirectory>();
        users.IsActiveUserAsync(Arg.Any<UserId>(), Arg.Any<CancellationToken>()).Returns(false);
        var currentUser = Substitute.For<ICurrentUser>();
        currentUser.Id.Returns(new UserId(7));
        var handler = new OpenDirectConversationHandler(
            db, currentUser, users, new PolicyFacts(db, connections, TimeProvider.System), TimeProvider.System);

        var result = await handler.Handle(new OpenDirectConversation(42), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("user_not_found"));
            Assert.That(db.ReceivedCalls(), Is.Empty);
            Assert.That(connections.ReceivedCalls(), Is.Empty);
        }

        await users.Received(1).IsActiveUserAsync(new UserId(42), Arg.Any<CancellationToken>());
    }
}
