using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Messages.Views;

/// <summary>
/// The views of messages sent in this scope, as their sender saw them. The push after the commit
/// reuses the view the send already loaded instead of reading the same message again.
/// </summary>
public sealed class SentMessageViews
{
    private readonly Dictionary<MessageId, MessageView> _views = [];

    public void Remember(MessageView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        _views[new MessageId(view.Id)] = view;
    }

    public MessageView? Take(MessageId id) => _views.Remove(id, out var view) ? view : null;
}
