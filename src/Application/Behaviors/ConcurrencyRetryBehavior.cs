using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Behaviors;

/// <summary>
/// Runs a command again, from the start and in a new transaction, when it tried to write back a row that
/// another request changed since it was read (optimistic concurrency on messages and memberships). The
/// second run reads what the other request did and decides on that: an edit that lost the race to a
/// delete for everyone is refused as "deleted", a delete that lost it to an edit erases the edited text, a
/// read position is only ever moved forward. As if the two had arrived one after the other, which is what
/// a person would expect. Only if it keeps losing is it answered 409 <c>conflict</c>.
/// </summary>
/// <remarks>Sits outside the unit of work: each run is one whole transaction, rolled back before the next.</remarks>
public sealed class ConcurrencyRetryBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
    where TResponse : IFailable<TResponse>
{
    /// <summary>Two requests on one row settle in two runs; more runs only help under a pile-up.</summary>
    public const int MaxRuns = 4;

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // A command inside another one's transaction cannot start over alone: the outer one does.
        if (unitOfWork.HasActiveTransaction)
        {
            return await next(message, cancellationToken);
        }

        for (var run = 1; ; run++)
        {
            try
            {
                return await next(message, cancellationToken);
            }
            catch (ConcurrentChangeException) when (run < MaxRuns)
            {
                // The unit of work rolled back and forgot what it had read: the next run reads afresh.
            }
            catch (ConcurrentChangeException)
            {
                return TResponse.Failure(ConcurrencyErrors.Conflict);
            }
        }
    }
}
