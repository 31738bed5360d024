using Astegni.Chat.Application.Events;
using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using CallStartedNotification = Astegni.Chat.Application.Events.CallStarted;
using CallUpdatedNotification = Astegni.Chat.Application.Events.CallUpdated;

namespace Astegni.Chat.Application.Tests.Calls;

/// <summary>A call's domain events become the <c>CallStarted</c> / <c>CallUpdated</c> notifications after the commit.</summary>
public class CallEventPublicationTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Caller = new(7);
    private static readonly UserId Callee = new(42);

    [Test]
    public void AStartedAnsweredAndMissedCall_TellsSubscribersEachStep()
    {
        var conversation = Conversation.OpenDirect(Caller, Callee, Now);
        var answered = CallLog.Start(conversation, Caller, CallType.Video, Now).Value;
        answered.Answer(conversation, Callee, Now.AddSeconds(3));
        var missed = CallLog.Start(conversation, Caller, CallType.Voice, Now).Value;
        missed.Miss(Now.AddMinutes(1), TimeSpan.FromSeconds(30));

        var notifications = answered.DomainEvents.Concat(missed.DomainEvents).Select(DomainEventNotifications.From).ToList();

        Assert.That(notifications, Is.EqualTo(new ChatNotification[]
        {
            new CallStartedNotification(default, conversation.Id, Caller),
            new CallUpdatedNotification(default, conversation.Id, CallStatus.Answered, Callee),
            new CallStartedNotification(default, conversation.Id, Caller),
            new CallUpdatedNotification(default, conversation.Id, CallStatus.Missed, null),
        }));
    }
}
