using Astegni.Chat.Api.Tests.Http;
using Astegni.Chat.Api.Tests.RealtimeData;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Astegni.Chat.Api.Tests.Realtime;

/// <summary>Issue 8, defect 5: a refused hub call is the client's mistake: one line, never an error with a stack trace.</summary>
public sealed class HubCallLogTests : ApiTest
{
    private const int BadFrames = 2000;

    [Test]
    public async Task Two_thousand_bad_typing_frames_write_no_error_and_no_stack_trace()
    {
        var logs = new RecordingLoggerProvider();
        await using var factory = new LoggedFactory(logs);
        var me = await UserAsync("Abebe");
        await using var phone = await HubListener.ConnectAsync(factory.ServerAddress, me.Id);

        var refusals = new List<string>();
        for (var frame = 0; frame < BadFrames; frame++)
        {
            try
            {
                // Half to a conversation that is not mine, half with arguments that do not bind.
                await (frame % 2 == 0
                    ? phone.TypingAsync(999_999, true)
                    : phone.InvokeRawAsync("Typing", "not a conversation", "yes"));
            }
            catch (HubException refused)
            {
                refusals.Add(refused.Message);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(refusals, Has.Count.EqualTo(BadFrames), "every bad frame is refused to the client");
            Assert.That(refusals.Where(r => r.Contains("conversation_not_found", StringComparison.Ordinal)).Count(), Is.EqualTo(BadFrames / 2));
            Assert.That(logs.AtLeast(LogLevel.Warning), Is.Empty, string.Join("\n", logs.AtLeast(LogLevel.Warning).Take(3)));
            Assert.That(logs.Entries.Where(entry => entry.Level >= LogLevel.Information && entry.HasException), Is.Empty, "no stack traces");
            Assert.That(logs.AtLeast(LogLevel.Information).Count(entry => entry.Message.Contains("refused (conversation_not_found)", StringComparison.Ordinal)),
                Is.EqualTo(BadFrames / 2), "each refused call is one line");
        });
    }
}
