package charset

// Frequent characters per language, used to tell which legacy encoding
// turns a page's bytes into plausible text. A wrong CJK decoding yields
// valid but random characters, so the share of a language's most frequent
// characters separates the right reading from the wrong ones. These are
// read-only tables.

// koreanCommon holds about 200 of the most frequent Hangul syllables.
const koreanCommon = "이다의는에하고을가로지한기서도를들리사대인수나자시정어해있그국일전보라과것와주상부게만원비아제면요여장개성니우동문소러계내무연신마학경오조공구회실금미중안방적위선화었했며으할된및등년월말때습였던까데또더통생간터결관발업산행분물영세청당단모명후입저거교치표건민작용야본종반음형점진활체재현특품심감람받않없같많려럼록속직초날처집역함최차출운군잘새김박은을"

// japaneseCommon holds the most frequent kanji; kana count separately.
const japaneseCommon = "日一国人年大十二本中長出三時行見月後前生五間上東四今金九入学高円子外八六下来気小七山話女北午百書先名川千水半男西電校語土木聞食車何南万毎白天母火右読友左休父雨会社者事自分業新法場体方開手市内合問理定発部政員政公政目対決明経関通地同議期代全京都知事選挙結果新聞済会議府県区町村党首相総統領報道記者写真情報問題世界米中韓朝価格株式円高安"

// chineseSimplified holds about 200 of the most frequent simplified hanzi.
const chineseSimplified = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基"

// chineseTraditional holds the same characters in traditional forms.
const chineseTraditional = "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己製身果加西斯月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活爾更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基臺"

// russianCommon holds the ten most frequent Russian letters, lower case:
// text is mostly lower case, which also tells windows-1251 from KOI8-R
// (each puts the other's lower case where its upper case is).
const russianCommon = "оеаинтсрвл"

// greekCommon holds the most frequent Greek letters, lower case.
const greekCommon = "αοιετσνηυρ"

// runeSet makes a lookup table of the characters of s.
func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool, len(s)/3)
	for _, r := range s {
		m[r] = true
	}
	return m
}
