using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Messages;

namespace Astegni.Chat.Domain.Tests.Messages;

public class MessageBodyTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\n\t ")]
    public void Text_WithNothingToSay_IsRefusedAsEmpty(string? content)
    {
        var body = MessageBody.Text(content);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.IsSuccess, Is.False);
            Assert.That(body.Error?.Code, Is.EqualTo("message_empty"));
            Assert.That(body.Error?.Kind, Is.EqualTo(ErrorKind.Validation));
        }
    }

    [Test]
    public void Text_AtTheTenThousandCharacterLimit_IsAccepted()
    {
        var content = new string('a', 10_000);

        var body = MessageBody.Text(content);

        Assert.That(body.IsSuccess, Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.Value.Type, Is.EqualTo(MessageType.Text));
            Assert.That(body.Value.Content, Is.EqualTo(content));
        }
    }

    [Test]
    public void Text_OneCharacterOverTheLimit_IsRefusedAsTooLong()
    {
        var body = MessageBody.Text(new string('a', 10_001));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.IsSuccess, Is.False);
            Assert.That(body.Error?.Code, Is.EqualTo("message_too_long"));
        }
    }

    [Test]
    public void Text_KeepsTheContentExactlyAsWritten()
    {
        var body = MessageBody.Text("  two spaces before and after  ");

        Assert.That(body.Value.Content, Is.EqualTo("  two spaces before and after  "));
    }

    [Test]
    public void System_IsASystemMessageWithTheContent()
    {
        var body = MessageBody.System("Session requested for Monday 10:00");

        Assert.That(body.IsSuccess, Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.Value.Type, Is.EqualTo(MessageType.System));
            Assert.That(body.Value.Content, Is.EqualTo("Session requested for Monday 10:00"));
        }
    }

    [TestCase(" ", "message_empty")]
    [TestCase(null, "message_empty")]
    public void System_FollowsTheTextRules(string? content, string code)
    {
        var body = MessageBody.System(content);

        Assert.That(body.Error?.Code, Is.EqualTo(code));
    }

    [Test]
    public void System_OverTheLimit_IsRefusedAsTooLong()
    {
        var body = MessageBody.System(new string('x', 10_001));

        Assert.That(body.Error?.Code, Is.EqualTo("message_too_long"));
    }
}
