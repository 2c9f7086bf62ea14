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

    /// <summary>A local shooting on day one (two outlets report it).</summary>
    public static Article BarShooting(DateOnly day) => TestArticles.Create(
        "bar-shooting",
        "Gunman kills two at a bar in Dayton, Ohio",
        "Ohio Courier",
        day,
        "A gunman opened fire inside the Riverside Tavern in Dayton late on Saturday, killing two people and wounding three others before fleeing on foot, police said.",
        "The victims were identified as Marcus Webb, 31, and Tanya Ruiz, 27, both of Dayton. The wounded were taken to Miami Valley Hospital.",
        "Police Chief Karen Holt said officers were searching for a man seen leaving the bar on Wayne Avenue with a handgun.",
        "\"We will find the person who did this,\" Holt told reporters outside the tavern.",
        "Agents of the Ohio Bureau of Criminal Investigation joined Dayton police at the scene.");

    /// <summary>A second outlet's report of <see cref="BarShooting"/>.</summary>
    public static Article BarShootingOther(DateOnly day) => TestArticles.Create(
        "bar-shooting-2",
        "Two dead, three hurt in Dayton tavern shooting",
        "Valley News",
        day,
        "Two people were shot dead and three were wounded when a man opened fire at the Riverside Tavern on Wayne Avenue in Dayton, police said on Sunday.",
        "Marcus Webb and Tanya Ruiz died at the scene, Chief Karen Holt said. The gunman fled before officers arrived.",
        "Witnesses said the shooter had argued with staff at the bar minutes before he pulled a handgun.");

    /// <summary>The next day: an arrest in <see cref="BarShooting"/> (same victims, place and police chief).</summary>
    public static Article BarShootingArrest(DateOnly day) => TestArticles.Create(
        "bar-shooting-arrest",
        "Man charged with murder in Dayton tavern shooting",
        "Ohio Courier",
        day,
        "A 24-year-old man was charged on Monday with two counts of murder in the shooting at the Riverside Tavern in Dayton that killed Marcus Webb and Tanya Ruiz, police said.",
        "Chief Karen Holt said officers arrested Devon Price at a relative's home after witnesses identified him as the man who opened fire in the bar on Wayne Avenue.",
        "Price is being held at the Montgomery County jail. Three people wounded in the shooting remain in hospital.");

    /// <summary>
    /// A look-alike on the next day: another bar shooting in Ohio, in its own words, with another town, victims and
    /// police (only the state's name is shared).
    /// </summary>
    public static Article OtherBarShooting(DateOnly day) => TestArticles.Create(
        "other-bar-shooting",
        "Two killed as shots ring out at Toledo nightspot",
        "Lake Erie Post",
        day,
        "Two people were killed and four wounded early on Sunday when a gunman opened fire on a crowd leaving the Anchor Lounge, a bar on Monroe Street in Toledo, police said.",
        "Gerald Okafor, 45, and Lisa Brandt, 38, were pronounced dead at St. Vincent Medical Center.",
        "Sergeant Michael Troendle said detectives had recovered shell casings from a parking lot across the street and were reviewing footage from nearby cameras.",
        "It was the third shooting in Toledo this year. The Ohio Bureau of Criminal Investigation is assisting.");

    /// <summary>A feed item with a headline only (no body), the day after <see cref="BarShooting"/>: the suspect in court.</summary>
    public static Article BarShootingCourtHeadline(DateOnly day) =>
        TestArticles.Create("bar-shooting-court", "Suspect in Dayton tavern shooting that killed two appears in court", "Feed", day);
}
