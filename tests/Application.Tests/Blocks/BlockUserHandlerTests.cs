using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Blocks.BlockUser;
using Astegni.Chat.Domain.Common;
using NSubstitute;

namespace Astegni.Chat.Application.Tests.Blocks;

// Only the refusals that are decided before the store is consulted: the chat store is a bare
// substitute that must see no call at all (queries are covered by the database-backed tests).
public class BlockUserHandlerTests
{
    private static readonly UserId Me = new(7);

    private IChatDbContext _db = null!;
    private IUserDirectory _users = null!;
    private BlockUserHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _db = Substitute.For<IChatDbContext>();
        _users = Substitute.For<IUserDirectory>();
        var currentUser = Substitute.For<ICurrentUser>();
        currentUser.Id.Returns(Me);
        _handler = new BlockUserHandler(_db, currentUser, _users, TimeProvider.System);
    }

    [Test]
    public async Task Handle_BlockingYourself_IsRefusedWithoutTouchingTheStore()
    {
        var result = await _handler.Handle(new BlockUser(Me.Value), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("cannot_block_self"));
            Assert.That(_db.ReceivedCalls(), Is.Empty);
        }
    }

    [Test]
    public async Task Handle_BlockingAnUnknownOrInactiveUser_IsRefusedAsUserNotFound()
    {
        _users.IsActiveUserAsync(new UserId(42), Arg.Any<CancellationToken>()).Returns(false);

        var result = await _handler.Handle(new BlockUser(42, "spam"), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("user_not_found"));
            Assert.That(result.Error?.Kind, Is.EqualTo(ErrorKind.NotFound));
            Assert.That(_db.ReceivedCalls(), Is.Empty);
        }
    }
}
