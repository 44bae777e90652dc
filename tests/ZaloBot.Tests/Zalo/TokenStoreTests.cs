using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Zalo;

/// <summary>The token pair is read from the store every few seconds, not for every message; a refresh reads it afresh.</summary>
public class TokenStoreTests
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly Mock<ITokenPairStore> store = new();
    private readonly TokenStore tokens;
    private readonly Secrets secrets;

    public TokenStoreTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Survey:RespondentKeySecret"] = "a shared secret for the tests" })
            .Build();
        secrets = new Secrets(new EphemeralDataProtectionProvider(), Options.Create(new StorageOptions()), configuration);
        tokens = new TokenStore(store.Object, secrets, Options.Create(new ZaloOptions()), clock);
        Stored("access-1");
    }

    private void Stored(string access) =>
        store.Setup(s => s.Get()).Returns(new StoredTokens { AccessToken = secrets.Protect(access), RefreshToken = secrets.Protect("refresh"), ExpiresAt = DateTime.UtcNow.AddHours(1) });

    [Fact]
    public void Messages_sent_close_together_read_the_stored_pair_once()
    {
        for (var i = 0; i < 50; i++)
            Assert.Equal("access-1", tokens.Current().AccessToken);

        store.Verify(s => s.Get(), Times.Once);
    }

    [Fact]
    public void A_pair_replaced_by_another_instance_is_used_once_read_again_or_when_asked_afresh()
    {
        Assert.Equal("access-1", tokens.Current().AccessToken);
        Stored("access-2");

        Assert.Equal("access-1", tokens.Current().AccessToken);
        Assert.Equal("access-2", tokens.Fresh().AccessToken);
        Assert.Equal("access-2", tokens.Current().AccessToken);

        Stored("access-3");
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal("access-3", tokens.Current().AccessToken);
    }

    [Fact]
    public void A_saved_pair_is_the_current_one_at_once()
    {
        Assert.Equal("access-1", tokens.Current().AccessToken);
        tokens.Save(new TokenPair("access-new", "refresh-new", DateTime.UtcNow.AddHours(25)));

        Assert.Equal("access-new", tokens.Current().AccessToken);
        store.Verify(s => s.Save(It.IsAny<StoredTokens>()), Times.Once);
    }
}
