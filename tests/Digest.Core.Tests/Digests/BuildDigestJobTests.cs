using Digest.Core.Digests;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Core.Stories;
using Moq;

namespace Digest.Core.Tests.Digests;

public sealed class BuildDigestJobTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 9, 2);
    private readonly JobHarness _harness = new(Mock.Of<Core.Delivery.IEmailSender>(), batchSize: 2);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RunAsync_ArticlesAndSubscribers_WritesDigestFilesAndEnqueuesBatches()
    {
        await _harness.AddArticleAsync(Day, "a1", "Parliament passes budget", "The budget passed.");
        await _harness.AddSubscribersAsync(5);

        var outcome = await _harness.Build.RunAsync(Day);

        Assert.True(outcome.Created);
        Assert.Equal(1, outcome.Articles);
        Assert.Equal(3, outcome.Batches); // 5 subscribers in batches of 2
        Assert.Equal(5, outcome.Recipients);
        Assert.NotNull(await _harness.Store.GetAsync(Containers.Digests, Containers.DigestJson(Day)));
        var html = (await _harness.Store.GetAsync(Containers.Digests, Containers.DigestHtml(Day)))!.Content.ToString();
        Assert.Contains("Parliament passes budget", html);
        Assert.Contains("https://digest.example.com/digests/index.html", html); // the web edition links the archive
        Assert.DoesNotContain(Core.Delivery.EmailTags.UnsubscribeUrl, html); // and carries no subscriber data
        Assert.Equal(3, (await _harness.DrainAsync()).Count);
    }

    [Fact]
    public async Task RunAsync_TwoDays_WritesEachDaysPageAndAnArchiveIndexListingBoth()
    {
        await _harness.AddArticleAsync(Day, "a1", "Parliament passes budget", "The budget passed.");
        await _harness.AddArticleAsync(Day.AddDays(1), "a2", "Harbour bridge reopens", "The bridge reopened.");

        await _harness.Build.RunAsync(Day);
        await _harness.Build.RunAsync(Day.AddDays(1));

        foreach (var (day, headline) in new[] { (Day, "Parliament passes budget"), (Day.AddDays(1), "Harbour bridge reopens") })
        {
            var page = (await _harness.Store.GetAsync(Containers.Digests, Containers.DigestPage(day)))!.Content.ToString();
            Assert.Contains(headline, page);
            Assert.DoesNotContain(Core.Delivery.EmailTags.UnsubscribeUrl, page);
        }

        var index = (await _harness.Store.GetAsync(Containers.Digests, Containers.ArchiveIndex))!.Content.ToString();
        var second = index.IndexOf("href=\"https://digest.example.com/digests/" + Containers.Day(Day.AddDays(1)) + "/index.html\"", StringComparison.Ordinal);
        var first = index.IndexOf("href=\"https://digest.example.com/digests/" + Containers.Day(Day) + "/index.html\"", StringComparison.Ordinal);
        Assert.True(second >= 0 && first > second, index); // newest first
        Assert.Contains("Harbour bridge reopens", index);
    }

    [Fact]
    public async Task RunAsync_Twice_CreatesOnceAndEnqueuesOnce()
    {
        await _harness.AddArticleAsync(Day, "a1", "T", "B.");
        await _harness.AddSubscribersAsync(3);

        var first = await _harness.Build.RunAsync(Day);
        await _harness.AddArticleAsync(Day, "a2", "Late", "Arrives after the digest.");
        var second = await _harness.Build.RunAsync(Day);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(0, second.Batches);
        Assert.Equal(1, second.Articles); // the digest written first is kept
        Assert.Equal(2, (await _harness.DrainAsync()).Count);
    }

    [Fact]
    public async Task RunAsync_RacingBuilders_OneDigestAndTheSamePlan()
    {
        await _harness.AddArticleAsync(Day, "a1", "T", "B.");
        await _harness.AddSubscribersAsync(4);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => _harness.Build.RunAsync(Day))));

        Assert.Equal(1, outcomes.Count(o => o.Created));
        var messages = await _harness.DrainAsync();
        // Duplicate messages are allowed (the ledger absorbs them) but every batch names the same subscribers.
        Assert.All(messages.GroupBy(m => m.BatchId), g => Assert.Single(g.Select(m => string.Join(',', m.SubscriberKeys)).Distinct()));
        Assert.Equal(4, messages.DistinctBy(m => m.BatchId).Sum(m => m.SubscriberKeys.Count));
    }

    [Fact]
    public async Task RunAsync_UnsubscribedSubscriber_IsNotEnqueued()
    {
        await _harness.AddSubscribersAsync(2);
        await _harness.Subscribers.PutAsync(new Core.Delivery.Subscriber("gone@example.com", null, Core.Delivery.SubscriberStatus.Unsubscribed, _harness.Time.GetUtcNow(), _harness.Time.GetUtcNow(), []));
        await _harness.AddArticleAsync(Day, "a1", "Parliament passes budget", "The budget passed.");

        var outcome = await _harness.Build.RunAsync(Day);

        Assert.Equal(2, outcome.Recipients);
    }

    [Fact]
    public async Task RunAsync_NoStories_EnqueuesNothingAndSaysSo()
    {
        await _harness.AddSubscribersAsync(2);

        var outcome = await _harness.Build.RunAsync(Day);

        Assert.True(outcome.SkippedEmpty);
        Assert.Equal((0, 0), (outcome.Batches, outcome.Recipients));
        Assert.Empty(await _harness.DrainAsync());
    }

    [Fact]
    public void Rank_MoreSourcesFirstThenRecent()
    {
        var older = DigestFixtures.Story("Older", sources: 1) with { LatestPublished = new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero) };
        var newer = DigestFixtures.Story("Newer", sources: 1) with { LatestPublished = new DateTimeOffset(2025, 9, 2, 0, 0, 0, TimeSpan.Zero) };
        var big = DigestFixtures.Story("Big", sources: 3);

        var ranked = StoryRanking.Rank([older, newer, big]).Select(s => s.Headline);

        Assert.Equal(["Big", "Newer", "Older"], ranked);
    }

    [Fact]
    public async Task RunAsync_NoArticles_StillWritesAnEmptyDigest()
    {
        var outcome = await _harness.Build.RunAsync(Day);

        var (digest, _) = await _harness.Store.ReadAsync(Containers.Digests, Containers.DigestJson(Day), DigestJsonContext.Stored.DigestDocument);
        Assert.True(outcome.Created);
        Assert.Empty(digest!.Stories);
    }

    [Fact]
    public async Task RunAsync_DayBuiltEmptyBeforeItsArticlesArrived_IsComposedAgainAndSent()
    {
        await _harness.AddSubscribersAsync(3);
        var empty = await _harness.Build.RunAsync(Day); // built before the uploads were parsed
        await _harness.AddArticleAsync(Day, "a1", "Parliament passes budget", "The budget passed.");

        var again = await _harness.Build.RunAsync(Day);

        Assert.True(empty.SkippedEmpty);
        Assert.True(again.Created);
        Assert.Equal((1, 1), (again.Articles, again.Stories));
        Assert.Equal(3, again.Recipients);
        var (digest, _) = await _harness.Store.ReadAsync(Containers.Digests, Containers.DigestJson(Day), DigestJsonContext.Stored.DigestDocument);
        Assert.Equal("Parliament passes budget", Assert.Single(digest!.Stories).Headline);
        Assert.Equal(2, (await _harness.DrainAsync()).Count);
        Assert.False((await _harness.Build.RunAsync(Day)).Created); // and from then on the day is what it is
    }

    [Fact]
    public async Task RunAsync_EmptyDayWithNoNewArticles_IsAdoptedNotComposedAgain()
    {
        await _harness.Build.RunAsync(Day);

        var again = await _harness.Build.RunAsync(Day);

        Assert.False(again.Created);
        Assert.True(again.SkippedEmpty);
    }

    [Fact]
    public async Task RunAsync_ArticlesPublishedMoreThanMaxAgeBeforeTheDay_LeftOutWithTheReason()
    {
        await AddPublishedAsync("old", "Harbour bridge opens", new DateTimeOffset(2013, 5, 1, 9, 0, 0, TimeSpan.Zero));
        await AddPublishedAsync("edge", "Parliament passes budget", new DateTimeOffset(2025, 8, 30, 9, 0, 0, TimeSpan.Zero)); // 3 days: kept
        await AddPublishedAsync("week", "Storm closes schools", new DateTimeOffset(2025, 8, 26, 23, 0, 0, TimeSpan.Zero)); // 7 days
        await _harness.AddArticleAsync(Day, "undated", "Museum reopens", "The museum reopened."); // no date: kept

        var outcome = await _harness.Build.RunAsync(Day);

        var (digest, _) = await _harness.Store.ReadAsync(Containers.Digests, Containers.DigestJson(Day), DigestJsonContext.Stored.DigestDocument);
        Assert.Equal(["Museum reopens", "Parliament passes budget"], digest!.Stories.Select(s => s.Headline).Order(StringComparer.Ordinal));
        Assert.Equal((4, 2), (outcome.Articles, outcome.Stories));
        Assert.Equal(["old.txt", "week.txt"], digest.Stale!.Select(r => r.Source));
        Assert.StartsWith("stale: published 2013-05-01, 4507 days before the digest day 2025-09-02 (more than Digest__MaxArticleAgeDays = 3)", digest.Stale![0].Reason);
        Assert.StartsWith("stale: published 2025-08-26, 7 days before", digest.Stale![1].Reason);
        var status = await new Core.Accounting.DayAccounting(_harness.Store, TimeZoneInfo.Utc).ComputeAsync(Day);
        Assert.Contains(status.Notes, n => n.StartsWith("left out: old.txt: stale: published 2013-05-01", StringComparison.Ordinal));
    }

    private Task AddPublishedAsync(string id, string title, DateTimeOffset published) =>
        _harness.Store.WriteAsync(
            Containers.Parsed,
            Containers.ParsedArticle(Day, id),
            new Core.Articles.Article(id, title, "Outlet " + id, null, null, published, [new Core.Articles.ArticleSection(null, [title + "."])], [], "en", id, id + ".txt", Core.Articles.ArticleFormat.PlainText),
            DigestJsonContext.Stored.Article);

    [Fact]
    public async Task RunAsync_OverrideInTemplatesContainer_ReplacesItsDefault()
    {
        await _harness.AddArticleAsync(Day, "a1", "Parliament passes budget", "The budget passed.");
        await PutTemplateAsync("partials/story.sbn-html", "<tr><td>OVERRIDE {{ story.headline }}</td></tr>\n");

        await _harness.Build.RunAsync(Day);

        var html = (await _harness.Store.GetAsync(Containers.Digests, Containers.DigestHtml(Day)))!.Content.ToString();
        Assert.Contains("<tr><td>OVERRIDE Parliament passes budget</td></tr>", html);
        Assert.Contains("Past digests", html); // the other files keep their defaults
    }

    [Fact]
    public async Task RunAsync_OverrideThatDoesNotParse_FailsWithFileLineAndColumnBeforeAnythingIsWrittenOrSent()
    {
        await _harness.AddArticleAsync(Day, "a1", "T", "B.");
        await _harness.AddSubscribersAsync(3);
        await PutTemplateAsync("partials/story.sbn-html", "<tr><td>\n{{ if story.developing }}developing\n</td></tr>\n");

        var error = await Assert.ThrowsAsync<DigestTemplateException>(() => _harness.Build.RunAsync(Day));

        Assert.Matches(@"partials/story\.sbn-html\(\d+,\d+\) \[override from the templates container\]: ", error.Message);
        Assert.Null(await _harness.Store.GetAsync(Containers.Digests, Containers.DigestJson(Day)));
        Assert.Null(await _harness.Store.GetAsync(Containers.Digests, Containers.SendPlan(Day)));
        Assert.Empty(await _harness.DrainAsync());
    }

    [Fact]
    public async Task RunAsync_OverrideWithAMisspelledMember_FailsWithFileLineAndColumnBeforeAnythingIsSent()
    {
        await _harness.AddArticleAsync(Day, "a1", "T", "B.");
        await _harness.AddSubscribersAsync(3);
        await PutTemplateAsync("partials/story.sbn-html", "<tr><td>\n  {{ story.headlin }}\n</td></tr>\n");

        var error = await Assert.ThrowsAsync<DigestTemplateException>(() => _harness.Build.RunAsync(Day));

        Assert.Contains("partials/story.sbn-html(2,12) [override from the templates container]: ", error.Message); // at "headlin"
        Assert.Contains("headlin", error.Message);
        Assert.Null(await _harness.Store.GetAsync(Containers.Digests, Containers.DigestHtml(Day)));
        Assert.Null(await _harness.Store.GetAsync(Containers.Digests, Containers.SendPlan(Day)));
        Assert.Empty(await _harness.DrainAsync());
    }

    [Fact]
    public async Task RunAsync_HandlebarsOverrideLeftInTheContainer_FailsNamingItInsteadOfDroppingItSilently()
    {
        await PutTemplateAsync("partials/footer.hbs", "<tr><td>Legal footer {{title}}</td></tr>");

        var error = await Assert.ThrowsAsync<DigestTemplateException>(() => _harness.Build.RunAsync(Day));

        Assert.Contains("partials/footer.hbs", error.Message);
        Assert.Null(await _harness.Store.GetAsync(Containers.Digests, Containers.DigestJson(Day)));
    }

    private Task PutTemplateAsync(string name, string source) =>
        _harness.Store.PutAsync(Containers.Templates, name, BinaryData.FromString(source), new BlobWriteOptions { ContentType = "text/plain; charset=utf-8" });
}
