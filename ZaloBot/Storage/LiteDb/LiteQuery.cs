using LiteDB;

namespace ZaloBot.Storage.LiteDb;

/// <summary>
/// Index queries with their values as parameters. LiteDB's own <c>Query.EQ</c>, <c>Query.Between</c>
/// and the like write the value into the expression's text, and LiteDB parses, compiles and keeps
/// forever every text it has seen: a claim at each new moment, or a lookup for each new user, would
/// compile again and grow that cache without end. With parameters the text is the same each time.
/// Two conditions are two <c>Where</c> calls, never one <c>AND</c>: LiteDB splits an <c>AND</c> into
/// its halves and hands them the parameters through the halves it keeps cached, shared by every
/// query of that text.
/// </summary>
internal static class LiteQuery
{
    public static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    public static BsonExpression In(string field, BsonArray values) => BsonExpression.Create($"$.{field} IN @0", values);

    public static BsonExpression AtLeast(string field, BsonValue value) => BsonExpression.Create($"$.{field} >= @0", value);

    public static BsonExpression Lt(string field, BsonValue value) => BsonExpression.Create($"$.{field} < @0", value);

    public static BsonExpression Between(string field, BsonValue from, BsonValue to) =>
        BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", from, to);

    public static BsonExpression StartsWith(string field, string prefix) => BsonExpression.Create($"$.{field} LIKE @0", prefix + "%");

    public static BsonExpression NotNull(string field) => BsonExpression.Create($"$.{field} != null");
}
