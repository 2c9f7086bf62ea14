using Digest.Core.Articles;

namespace Digest.Core.Tests.Stories;

/// <summary>Hand-written articles (not taken from any dataset) for story tests.</summary>
internal static class StoryFixtures
{
    public static readonly DateOnly Day = new(2025, 9, 2);

    /// <summary>North Korea, Kim Jong Un, Pyongyang in both: but a weapons test, not a trip to a parade.</summary>
    public static Article MissileTest(DateOnly? day = null) => TestArticles.Create(
        "kim-missile",
        "Kim Jong Un oversees test of new hypersonic missile",
        "Seoul Herald",
        day ?? Day,
        "North Korean leader Kim Jong Un watched the launch of a new hypersonic missile from a site near Pyongyang on Tuesday, state media KCNA reported.",
        "The missile flew about 1,000 kilometres before splashing into the sea east of the Korean peninsula, according to South Korea's Joint Chiefs of Staff.",
        "Kim called the test a success and ordered scientists to expand production of the solid-fuel engines, the agency said.",
        "Japan's defence ministry said the weapon landed outside its exclusive economic zone. Tokyo and Seoul condemned the launch as a violation of United Nations Security Council resolutions.");

    /// <summary>Same country and leader, a different event.</summary>
    public static Article BeijingVisit(DateOnly? day = null) => TestArticles.Create(
        "kim-beijing",
        "Kim Jong Un visits Beijing for military parade",
        "Asia Wire",
        day ?? Day,
        "North Korean leader Kim Jong Un arrived in Beijing by train to attend a military parade marking the end of the Second World War, Chinese officials said.",
        "Kim is expected to stand beside Chinese President Xi Jinping and Russian President Vladimir Putin on the rostrum above Tiananmen Square.",
        "It is his first appearance at a multilateral gathering of world leaders since he took power in Pyongyang.",
        "Analysts in Seoul said the trip signalled closer ties between Beijing, Moscow and Pyongyang.");

    /// <summary>A second outlet's report of <see cref="BeijingVisit"/>, with facts only it has.</summary>
    public static Article BeijingVisitOther(DateOnly? day = null) => TestArticles.Create(
        "kim-beijing-2",
        "North Korea's Kim arrives in Beijing ahead of Victory Day parade",
        "Daily Ledger",
        day ?? Day,
        "Kim Jong Un arrived in Beijing on Tuesday aboard his armoured train to attend China's Victory Day military parade alongside Xi Jinping and Vladimir Putin.",
        "The parade in Tiananmen Square will feature 26 foreign heads of state, Chinese foreign ministry spokeswoman Hua Lin said.",
        "\"This visit shows the friendship between our peoples is unbreakable,\" Hua told reporters.",
        "Kim last travelled to China in 2019, when he met Xi Jinping for talks in Beijing.");

    /// <summary>The next day: the parade itself, continuing <see cref="BeijingVisit"/>.</summary>
    public static Article ParadeNextDay(DateOnly day) => TestArticles.Create(
        "kim-parade",
        "Kim Jong Un joins Xi Jinping and Vladimir Putin at Beijing military parade",
        "Asia Wire",
        day,
        "North Korean leader Kim Jong Un stood beside Chinese President Xi Jinping and Russian President Vladimir Putin on Wednesday as a military parade rolled through Tiananmen Square in Beijing.",
        "Kim, who arrived in Beijing by train, watched the parade marking the end of the Second World War from the rostrum.",
        "Analysts in Seoul said the appearance of the three leaders signalled closer ties between Beijing, Moscow and Pyongyang.");

    /// <summary>An unrelated story on the same later day.</summary>
    public static Article Flooding(DateOnly day) => TestArticles.Create(
        "floods",
        "Floods force thousands from homes in southern Brazil",
        "Rio Times",
        day,
        "Heavy rain in Rio Grande do Sul forced more than 12,000 people from their homes, the state civil defence agency said on Wednesday.",
        "Rivers around Porto Alegre rose above their banks overnight and several bridges were closed.",
        "Governor Eduardo Leite asked the federal government in Brasilia for emergency funds.");
}
