namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// Runs one request's executor and resolver continuations one at a time (like an event loop), so that
/// "no more synchronous work" is observable: when the queue is empty, every started resolver is waiting
/// on I/O or on a DataLoader, and that is when the queued DataLoader keys are dispatched as batches.
/// Sibling resolvers still overlap their I/O; only their CPU steps take turns. Different requests run
/// in parallel on their own schedulers.
/// </summary>
internal sealed class ExecutionScheduler : SynchronizationContext
{
    private readonly Lock _gate = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private bool _pumping;

    // The request's execution context (its AsyncLocals: the ASP.NET Core HttpContext, the caller's scope, …),
    // captured where the request starts, so resolvers and DataLoader batches started by the pump see it too.
    private readonly ExecutionContext? _requestContext = ExecutionContext.Capture();

    /// <summary>Called when the queue runs dry; returns true when it started work (dispatched a batch).</summary>
    public Func<bool>? OnIdle { get; set; }

    /// <summary>A callback threw (only possible from foreign async-void code); fails the request.</summary>
    public Action<Exception>? OnUnhandled { get; set; }

    public override void Post(SendOrPostCallback d, object? state)
    {
        bool start;
        lock (_gate)
        {
            _queue.Enqueue((d, state));
            start = !_pumping;
            if (start) _pumping = true;
        }
        if (start) ThreadPool.UnsafeQueueUserWorkItem(static s => ((ExecutionScheduler)s!).PumpInRequestContext(), this);
    }

    /// <summary>
    /// Runs <paramref name="d"/>, then whatever it queued, on the calling thread until the queue runs dry;
    /// work that waits on I/O later resumes on the thread pool through <see cref="Post"/> as usual. This saves
    /// the start of a request a thread hop, and a request whose resolvers all finish synchronously is done
    /// when this returns. Call it on a new scheduler, where the request's execution context is the caller's.
    /// </summary>
    public void RunInline(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            if (_pumping) throw new InvalidOperationException("The scheduler is already running.");
            _queue.Enqueue((d, state));
            _pumping = true;
        }
        Pump();
    }

    /// <summary>Wakes the pump so it re-checks for idle work (a DataLoader key queued from a foreign thread).</summary>
    public void Wake() => Post(static _ => { }, null);

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send is not supported by the GraphQL execution scheduler.");

    public override SynchronizationContext CreateCopy() => this;

    private void PumpInRequestContext()
    {
        if (_requestContext is null) Pump();
        else ExecutionContext.Run(_requestContext, static s => ((ExecutionScheduler)s!).Pump(), this);
    }

    private void Pump()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            while (true)
            {
                (SendOrPostCallback Callback, object? State) item;
                lock (_gate)
                {
                    if (!_queue.TryDequeue(out item))
                        item = default;
                }
                if (item.Callback is not null)
                {
                    Run(item.Callback, item.State);
                    continue;
                }

                // nothing runnable: every resolver waits on I/O or a DataLoader
                var started = false;
                try
                {
                    started = OnIdle?.Invoke() ?? false;
                }
                catch (Exception e)
                {
                    OnUnhandled?.Invoke(e);
                }
                if (started) continue;

                lock (_gate)
                {
                    if (_queue.Count > 0) continue;
                    _pumping = false;
                    return;
                }
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    private void Run(SendOrPostCallback callback, object? state)
    {
        try
        {
            callback(state);
        }
        catch (Exception e)
        {
            OnUnhandled?.Invoke(e);
        }
    }
}
