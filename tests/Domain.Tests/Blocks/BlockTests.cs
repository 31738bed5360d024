using Astegni.Chat.Domain.Blocks;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Tests.Blocks;

public class BlockTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Alice = new(7);
    private static readonly UserId Bob = new(42);

    [Test]
    public void Create_BlockingYourself_IsRefused()
    {
        var block = Block.Create(Alice, Alice, "why not", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(block.IsSuccess, Is.False);
            Assert.That(block.Error?.Code, Is.EqualTo("cannot_block_self"));
            Assert.That(block.Error?.Kind, Is.EqualTo(ErrorKind.Validation));
        }
    }

    [Test]
    public void Create_RecordsWhoBlockedWhomAndWhen()
    {
        var block = Block.Create(Alice, Bob, null, Now).Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(block.BlockerUserId, Is.EqualTo(Alice));
            Assert.That(block.BlockedUserId, Is.EqualTo(Bob));
            Assert.That(block.BlockedAt, Is.EqualTo(Now));
        }
    }

    [Test]
    public void Create_TrimsTheReason()
    {
        var block = Block.Create(Alice, Bob, "  spam messages \n", Now).Value;

        Assert.That(block.Reason, Is.EqualTo("spam messages"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Create_WithABlankReason_StoresNoReason(string? reason)
    {
        var block = Block.Create(Alice, Bob, reason, Now).Value;

        Assert.That(block.Reason, Is.Null);
    }

    [Test]
    public void Create_RaisesUserBlocked()
    {
        var block = Block.Create(Alice, Bob, null, Now).Value;

        Assert.That(block.DomainEvents, Has.Count.EqualTo(1));
        var blocked = block.DomainEvents.Single() as UserBlocked;
        Assert.That(blocked?.Block, Is.SameAs(block));
    }
}
