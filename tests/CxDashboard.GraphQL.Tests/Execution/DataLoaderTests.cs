using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

public sealed class DataLoaderTests
{
    private sealed record Order(int Id, int CustomerId);
    private sealed record Customer(int Id, string Name, string CountryCode);
    private sealed record Country(string Code, string Name);

    private static readonly Dictionary<int, Customer> Customers = new()
    {
        [1] = new(1, "Ann", "FR"), [2] = new(2, "Bob", "DE"), [3] = new(3, "Cyd", "FR"),
    };
    private static readonly Dictionary<string, Country> Countries = new()
    {
        ["FR"] = new("FR", "France"), ["DE"] = new("DE", "Germany"),
    };

    /// <summary>Orders 1..5 of customers 1,2,1,3,2 (customer 9 for order 6 when <paramref name="withUnknown"/>).</summary>
    private sealed class Shop(bool asyncBatches = false, bool yieldFirst = false, bool failCountries = false, bool withUnknown = false)
    {
        public readonly List<string> Batches = [];

        public Schema Build()
        {
            var country = Object("Country", Field("code", BuiltInScalars.String), Field("name", BuiltInScalars.String));
            var customer = Object("Customer",
                Field("id", BuiltInScalars.Int), Field("name", BuiltInScalars.String),
                AsyncField("country", country, async ctx =>
                    await ctx.DataLoader<string, Country>("countryByCode", LoadCountries).LoadAsync(ctx.ParentAs<Customer>().CountryCode)));
            var order = Object("Order",
                Field("id", BuiltInScalars.Int),
                AsyncField("customer", customer, async ctx =>
                {
                    if (yieldFirst) await Task.Yield();
                    return await ctx.DataLoader<int, Customer>("customerById", LoadCustomers).LoadAsync(ctx.ParentAs<Order>().CustomerId);
                }));
            int[] customerIds = withUnknown ? [1, 2, 1, 3, 2, 9] : [1, 2, 1, 3, 2];
            var query = Object("Query",
                Field("orders", ListOf(order), _ => customerIds.Select((c, i) => new Order(i + 1, c)).ToList()),
                AsyncField("customer", customer, async ctx =>
                    await ctx.DataLoader<int, Customer>("customerById", LoadCustomers).LoadAsync(ctx.Argument<int>("id")))
                    .WithArgs(new InputValueDefinition("id", NonNull(BuiltInScalars.Int))));
            return new Schema(query);
        }

        private async Task<IReadOnlyDictionary<int, Customer>> LoadCustomers(IReadOnlyList<int> ids, CancellationToken ct)
        {
            lock (Batches) Batches.Add("customers " + string.Join(",", ids));
            if (asyncBatches) await Task.Delay(20, ct);
            return ids.Where(Customers.ContainsKey).ToDictionary(id => id, id => Customers[id]);
        }

        private async Task<IReadOnlyDictionary<string, Country>> LoadCountries(IReadOnlyList<string> codes, CancellationToken ct)
        {
            lock (Batches) Batches.Add("countries " + string.Join(",", codes));
            if (asyncBatches) await Task.Delay(20, ct);
            if (failCountries) throw new InvalidOperationException("country service down");
            return codes.ToDictionary(c => c, c => Countries[c]);
        }
    }

    private const string OrdersQuery = "{ orders { id customer { name country { name } } } }";
    private const string OrdersJson =
        """{"orders":[{"id":1,"customer":{"name":"Ann","country":{"name":"France"}}},{"id":2,"customer":{"name":"Bob","country":{"name":"Germany"}}},{"id":3,"customer":{"name":"Ann","country":{"name":"France"}}},{"id":4,"customer":{"name":"Cyd","country":{"name":"France"}}},{"id":5,"customer":{"name":"Bob","country":{"name":"Germany"}}}]}""";

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task N_parents_issue_one_batch_per_level_with_distinct_keys(bool asyncBatches, bool yieldFirst)
    {
        var shop = new Shop(asyncBatches, yieldFirst);
        var r = await Run(shop.Build(), OrdersQuery);
        Assert.Null(r.Errors);
        Assert.Equal(OrdersJson, Data(r));
        Assert.Equal(["customers 1,2,3", "countries FR,DE"], shop.Batches);
    }

    [Fact]
    public async Task Loads_from_different_branches_of_the_same_level_share_the_batch_and_the_cache()
    {
        var shop = new Shop();
        var r = await Run(shop.Build(), "{ a: customer(id: 3) { name } orders { customer { name } } b: customer(id: 1) { name } }");
        Assert.Null(r.Errors);

        // orders resolves synchronously, so its customers are asked for in the same round as a and b:
        // one batch, each key once, in first-asked order
        Assert.Equal(["customers 3,1,2"], shop.Batches);
        Assert.Equal("""{"a":{"name":"Cyd"},"orders":[{"customer":{"name":"Ann"}},{"customer":{"name":"Bob"}},{"customer":{"name":"Ann"}},{"customer":{"name":"Cyd"}},{"customer":{"name":"Bob"}}],"b":{"name":"Ann"}}""", Data(r));
    }

    [Fact]
    public async Task A_key_missing_from_the_batch_result_loads_as_null()
    {
        var shop = new Shop(withUnknown: true);
        var r = await Run(shop.Build(), "{ orders { id customer { name } } }");
        Assert.Null(r.Errors);
        Assert.EndsWith("""{"id":6,"customer":null}]}""", Data(r));
        Assert.Equal(["customers 1,2,3,9"], shop.Batches);
    }

    [Fact]
    public async Task A_failing_batch_fails_every_field_waiting_on_it()
    {
        var shop = new Shop(asyncBatches: true, failCountries: true);
        var r = await Run(shop.Build(), "{ orders { customer { name country { name } } } }");
        Assert.Equal(5, r.Errors!.Count);
        Assert.All(r.Errors, e => Assert.Equal("Unexpected error.", e.Message));
        Assert.All(r.Errors, e => Assert.Equal("country service down", e.Exception!.Message));
        Assert.Equal(["orders", 3, "customer", "country"], r.Errors.Select(e => e.Path!).Single(p => (int)p[1] == 3));
        Assert.Contains("""{"customer":{"name":"Ann","country":null}}""", Data(r));
        Assert.Equal(["customers 1,2,3", "countries FR,DE"], shop.Batches);
    }

    [Fact]
    public async Task Each_request_has_its_own_loaders_and_cache()
    {
        var shop = new Shop();
        var executor = new GraphQLExecutor(shop.Build());
        await executor.ExecuteAsync(new ExecutionRequest { Query = "{ customer(id: 1) { name } }" });
        await executor.ExecuteAsync(new ExecutionRequest { Query = "{ customer(id: 1) { name } }" });
        Assert.Equal(["customers 1", "customers 1"], shop.Batches);
    }

    [Fact]
    public async Task Concurrent_requests_batch_independently()
    {
        var shop = new Shop(asyncBatches: true);
        var executor = new GraphQLExecutor(shop.Build());
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => executor.ExecuteAsync(new ExecutionRequest { Query = OrdersQuery })));
        Assert.All(results, r => Assert.Equal(OrdersJson, Data(r)));
        Assert.Equal(8, shop.Batches.Count(b => b == "customers 1,2,3"));
        Assert.Equal(8, shop.Batches.Count(b => b == "countries FR,DE"));
        Assert.Equal(16, shop.Batches.Count);
    }

    [Fact]
    public async Task A_key_queued_off_the_scheduler_after_ConfigureAwait_false_still_loads()
    {
        var batches = new List<int[]>();
        var schema = new Schema(Object("Query",
            AsyncField("values", ListOf(BuiltInScalars.String), async ctx =>
            {
                await Task.Delay(5).ConfigureAwait(false);
                var loader = ctx.DataLoader<int, string>("v", (keys, _) =>
                {
                    lock (batches) batches.Add(keys.ToArray());
                    return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "v" + k));
                });
                return await Task.WhenAll(loader.LoadAsync(1), loader.LoadAsync(2)).ConfigureAwait(false);
            })));
        var r = await Run(schema, "{ values }").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("""{"values":["v1","v2"]}""", Data(r));
        Assert.Equal([1, 2], batches.SelectMany(b => b).Order());
    }

    [Fact]
    public async Task A_loader_name_reused_with_other_types_is_a_clear_error()
    {
        var schema = new Schema(Object("Query",
            AsyncField("a", BuiltInScalars.String, async ctx =>
                await ctx.DataLoader<int, string>("x", (keys, _) => Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "v" + k))).LoadAsync(1)),
            AsyncField("b", BuiltInScalars.String, async ctx =>
                await ctx.DataLoader<string, string>("x", (keys, _) => Task.FromResult<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k))).LoadAsync("1"))));
        var r = await Run(schema, "{ a b }");
        Assert.Equal("""{"a":"v1","b":null}""", Data(r));
        Assert.Equal("Unexpected error.", Messages(r));
        Assert.StartsWith("DataLoader \"x\" is already registered with other key/value types", r.Errors![0].Exception!.Message);
    }

    [Fact]
    public async Task MaxBatchSize_splits_a_level_into_chunks_loaded_one_after_another()
    {
        var batches = new List<string>();
        var running = 0;
        var overlapped = false;
        DataLoader<int, string>? seen = null;
        async Task<IReadOnlyDictionary<int, string>> Load(IReadOnlyList<int> keys, CancellationToken ct)
        {
            if (Interlocked.Increment(ref running) > 1) overlapped = true;
            lock (batches) batches.Add(string.Join(",", keys));
            await Task.Delay(10, ct);
            Interlocked.Decrement(ref running);
            return keys.ToDictionary(k => k, k => "n" + k);
        }
        var item = Object("Item",
            Field("id", BuiltInScalars.Int, c => c.ParentAs<int>()),
            AsyncField("name", BuiltInScalars.String, async ctx =>
            {
                seen = ctx.DataLoader<int, string>("names", Load, maxBatchSize: 3);
                return await seen.LoadAsync(ctx.ParentAs<int>());
            }));
        // 8 items, key 2 asked twice: 7 distinct keys
        var schema = new Schema(Object("Query", Field("items", ListOf(item), _ => new[] { 1, 2, 3, 2, 4, 5, 6, 7 })));

        var r = await Run(schema, "{ items { id name } }");

        Assert.Null(r.Errors);
        Assert.Equal("""{"items":[{"id":1,"name":"n1"},{"id":2,"name":"n2"},{"id":3,"name":"n3"},{"id":2,"name":"n2"},{"id":4,"name":"n4"},{"id":5,"name":"n5"},{"id":6,"name":"n6"},{"id":7,"name":"n7"}]}""", Data(r));
        Assert.Equal(["1,2,3", "4,5,6", "7"], batches);
        Assert.False(overlapped);
        Assert.Equal(3, seen!.BatchCount);
        Assert.Equal(3, seen.MaxBatchSize);
    }

    [Fact]
    public async Task Without_MaxBatchSize_a_level_is_one_batch()
    {
        var batches = new List<int>();
        var item = Object("Item", AsyncField("name", BuiltInScalars.String, async ctx =>
            await ctx.DataLoader<int, string>("names", (keys, _) =>
            {
                lock (batches) batches.Add(keys.Count);
                return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "n" + k));
            }).LoadAsync(ctx.ParentAs<int>())));
        var schema = new Schema(Object("Query", Field("items", ListOf(item), _ => Enumerable.Range(1, 2500).ToArray())));
        var r = await Run(schema, "{ items { name } }");
        Assert.Null(r.Errors);
        Assert.Equal([2500], batches);
    }
}
