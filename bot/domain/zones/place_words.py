"""Word lists for reading places in text (see places.py).

COMMON_WORDS are the English words that are also names in the gazetteer (taken from a word list
once; the gazetteer is pinned by its package version). A common word names a place only as a
city's own name and only for a city of 100,000 people or more.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


COMMON_WORDS = _words(
    """
    acacias acre agar airport alabaster ales alley alliance aloha along altos ampere anchorage anew
    angers angora annex antelope anthem apex arbutus archangel archway ascot astrakhan auburn awash
    bade badger bah bake bale balsas banes bani bank banning bar barium barking basic bath baud bay
    bear begun bell bend bender best billings bimbo bolder bole bologna bone bonito bonny boo boom
    borne boulder bountiful bow bra brad bras bray brick broach brusque buckeye buffalo burs bury
    bush butte butterfly buy cairns caller can canning canton carpi cassia cassino cat cayenne
    centennial central centurion chad chandler chaparral chile china chinking chino clay cloverleaf
    cocoa cognac coin cologne colon columbine come commonwealth conception concord confederation
    converse cordon cork corona cove crystal cypress damask dandy date davenport deal debar defiance
    deli delis delta derby dig dilly dire divas dole dome dour drama dual dyer eagle emporia
    enterprise erode eureka evergreen fate federal felling fez fiche fiddlesticks fishers flagstaff
    fleet flint flora florin fords forest fountain fowling gap garland garner gay genes gent god
    goes golden gondola google gore grapevine grays green grenade griffin grins groves guinea hale
    hang harrow hawthorn hays hem hermitage hexing hickory highland hillside hims hippo hire hit
    holiday homburg homestead honcho hook horde horn hosanna hove hub hue hull humble hums humus
    hurricane imperial independence jam japan jasper jersey jingling keystone lancing lander largo
    lattes laurel leek leer lend lens liberal liberty lice liege lime limerick limo linden lints
    lion lira lisle logos lop luau madras magenta magnesia maidenhead male man manage manga manger
    mango manly manning mantilla maracas march marina marks martin mascara mascot mason mecca medias
    megalopolis mentor meres meridian mesa meshed mesquite metro midland midstream midway mile mine
    minster mission mobile mocha monster morocco moron moss most much muscat mustang natal neath
    newton nice normal ocher ode officer ogre opportunity oral orange orchards overland oxford pace
    paisley panda panorama papa papaya paradise paramount pare parole pastas pearl pecs peer pen
    perm pert pest pet phoenix pinto piranhas pita plantation plaque plum plunge police pop portage
    posse pout pristine prosper providence pueblo puma pun punch quarto queens reading republic
    reservoir rest retreat reunion revel revere rho rich rim riverside rogers roles roman roses
    rosette rouge rouse rugby ruse rye saga sake saki sale salt samba same sandy sari saris savage
    savanna savannah save say seaside sedan semi senna shanghai shaping shone shoreline shush silvan
    sim simmering sine sire slough sol soul sour souse sparks split spoken spring springs sriracha
    stains sterling stoke stow sue sues sulphur summit sumo sunning sunrise sunset superior surprise
    surrey swords sycamore tamale tame tangier tango tank tape tartar tempi temple tequila terminus
    terrace than thorn time tire tome tooting torn torrent tours trident troy tub tuba tubas tucker
    tulle tunas tunes turkey tyros union university upland uptown valence van vermilion vicar victor
    vicuña vine vineyard vise vista wadi walker walnut warder ware warren wean wedding weir welling
    wellington westerly wetter wheeling woodland woodlands worms wright yoga young
    """
)

# Capitalised in titles and venue lines far more often than they name the place: never read in
# running text (a whole string still may: `timezone: Nice`).
STOP_NAMES = _words(
    """
    archway barking bazel bender bimbo bole brusque centennial centurion chandler commonwealth
    como conda corona cypress davenport delta enterprise erlang erode essen garland halle hub
    independence jingling juarez juárez kong lander latina lira male man mango mantilla mascara
    mesa metro mitte mobile mongo natal nice nim nix oral orange paradise pare perm pest reading
    para ruse saga saki samba shaping simmering sina split springs surprise tamale tokio tours van
    vista vite warder
    """
)

# Never names of places at all: the zone words themselves.
STOP_INDEX = _words(
    """
    central eastern western northern southern pacific mountain atlantic time date zeit hora
    heure utc gmt
    """
)

# Also first names (or products): "Austin Meetup" is the city, "Austin Clements" a person and
# "Phoenix LiveView" a framework. Not read when a capitalised word follows.
FIRST_NAMES = _words(
    """
    adelaide alexandra ann anning ariel augusta aurora austin belen brandon carmen caroline chad
    charlotte chester chiba dallas dolores elizabeth eugene florence franklin gao george
    guadalupe hamilton houston irving israel jackson jinhua jordan julia kennedy kent kingston leon
    león lincoln madison marion martin mary mercedes milton nancy norman phoenix pilar preston
    regina rosario sakai salvador santiago sidney sofia sophia soledad sydney trinidad tyler
    victoria vincent virginia warren xinyi yao yichun yulin
    """
)

# Also surnames: "Ana Moreno", "Yuki Chiba". Not read when a capitalised word comes before.
SURNAMES = _words(
    """
    adams chiba cheng cleveland colombo durham franklin gao george gilbert gutierrez hamilton
    henderson houston hudson ikeda irving jackson kennedy kent lima lincoln maldonado matsumoto
    medina mendoza miyazaki montgomery moreno nakano ota pereira richardson rodriguez sakai
    salazar sano santos tyler ueda warren washington yamaguchi yao
    """
)

# Given names: a one-word town right after one is a surname ("Andrés Salinas", "Aisha Bello").
GIVEN_NAMES = _words(
    """
    aaron abdul abigail adam adeel adrian agnieszka ahmed aidan aisha akira alan albert alberto
    alejandro aleksandr alex alexander alexandre ali alice alicia alison alvaro amanda amir amit
    amy ana anand andre andrea andreas andrei andres andrew andrzej andrés andy angela angelo
    anil anita anja ankit ann anna anne annie anthony antoine anton antonio anya arjun arnaud
    arthur ashley ashok ayumi barbara bastian ben benjamin bernard bill bob bogdan brad brian
    bruno camila carl carla carlos carol caroline catherine cecilia charles charlie chen chris
    christian christina christine christoph christopher claire clara claudia colin craig
    cristina daiki daisuke dan dana daniel daniela danny david deborah deepak denis dennis derek
    diana diego dimitri dmitry dominik donald doug douglas dylan eduardo edward elena eli elif
    emily emma emre eric erik ethan eva evan fabian fabio fatima felipe felix fernanda fernando
    filip florian francesca francesco francisco frank fred gabriel gabriela gareth gary gaurav
    gerald gianluca giovanni giulia giuseppe greg gregory guillaume gustavo hana hans harry
    haruka hassan heather helen henrik henry hiroki hiroshi hugo hyun ian igor ilya ines irene
    isabel isabella ivan jack jacob jakub james jan jane janet jason javier jean jeff jennifer
    jeremy jessica jiho jim joan joao joe joel johan johannes john jonas jonathan jordi jorge
    jose joseph josh joshua josé juan julian julie julien jun justin kai kaito karen karim karl
    kate katie katrin keith ken kenji kevin khalid kim krishna kristina kumar kyle lars laura
    lauren lena leo lisa liu lorenzo luca lucas lucia luis luisa luiz lukas magda mahmoud manuel
    marc marcel marco marcos marcus maria mariana marie mario mark marta martin mary masato
    mateo mateusz matt matteo matthew max maxime maya mehmet mei mia michael michal michel
    michelle miguel mika mike min ming mohamed mohammed monica mustafa nadia naoki natalia
    nathan neha nicholas nick nicolas nikita nikolai nina noah nora olga oliver olivia omar
    oscar pablo paolo patricia patrick paul paula pavel pedro peter petr philipp pierre piotr
    pooja prakash priya rachel rafael rahul raj rajesh ralf ramon raul ravi rebecca ricardo
    richard rob robert roberto rodrigo roman ryan ryo sam samuel sandra sanjay sara sarah
    satoshi scott sean sebastian sergei sergey sergio shin shota simon sofia sophie stefan
    stefano stephen steve steven sunil susan sven takashi takumi taro tatiana thiago thomas tim
    tobias tom tomas tomasz tony valentina vanessa victor vijay viktor vincent vladimir wei
    william xavier yan yang yasmin yi yuki yuri yusuf yuto zhang zoe
    """
)

# Words that may follow a city in an event's name without making it a person's name.
EVENT_WORDS = _words(
    """
    airport area campus camp center centre chapter city community conf conference convention
    day days dev devs edition expo fest festival forum group hackathon hall live meetup meetups
    office online station summit symposium talks tech user users week workshop workshops
    """
)

# Lower-case words inside a place's name: "Rio de Janeiro", "Frankfurt am Main".
CONNECTORS = _words("am an da de del der di do dos das es la le les on sur upon")

# Glued to a city in a community's name: "Osaka.rb", "Kyoto-py", "Tokyo.js".
GLUED_SUFFIXES = ("rb", "js", "py")

# Short names of cities that addresses use in place of the name ("Parque Patricios, CABA").
CITY_SHORT_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "CABA": "Buenos Aires",
        "CDMX": "Mexico City",
        "NYC": "New York City",
        "HCMC": "Ho Chi Minh City",
        "Bali": "Denpasar",  # the island, not the town in Rajasthan
        "Tahiti": "Papeete",  # the island and its capital
    }
)

# Australian states and territories as addresses write them after the suburb ("Carlton VIC 3053",
# "Ultimo NSW"): each keeps one clock. SA, WA, NT, ACT are also common initials, so those count
# only between a suburb and a postcode ("Adelaide SA 5000").
AU_STATES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "VIC": ("Victoria", "Australia/Melbourne"),
        "NSW": ("New South Wales", "Australia/Sydney"),
        "QLD": ("Queensland", "Australia/Brisbane"),
        "TAS": ("Tasmania", "Australia/Hobart"),
        "SA": ("South Australia", "Australia/Adelaide"),
        "WA": ("Western Australia", "Australia/Perth"),
        "NT": ("Northern Territory", "Australia/Darwin"),
        "ACT": ("Australian Capital Territory", "Australia/Sydney"),
    }
)
AU_STATES_ALONE = frozenset({"VIC", "NSW", "QLD", "TAS"})

# Names of several places too different to pick one: the country or the US state?
AMBIGUOUS_NAMES = _words("georgia victoria")

# CJK names of towns that are also plain words.
CJK_STOP = _words("中心 胜利 联合 金山 北区 本町 美里 城厢 新界 大场 相原 永定 文城 百城 光明 民主")

# Countries whose towns' CJK names are read with a lower population bar.
CJK_COUNTRIES = _words("CN TW HK MO JP KR SG")

# Country names in other languages and scripts, to ISO 3166 codes.
COUNTRY_NAMES: Mapping[str, str] = MappingProxyType(
    {
        # Chinese, Japanese, Korean
        "中国": "CN",
        "中國": "CN",
        "中华人民共和国": "CN",
        "중국": "CN",
        "日本": "JP",
        "日本国": "JP",
        "일본": "JP",
        "韩国": "KR",
        "韓国": "KR",
        "韓國": "KR",
        "南韩": "KR",
        "한국": "KR",
        "대한민국": "KR",
        "台湾": "TW",
        "台灣": "TW",
        "臺灣": "TW",
        "대만": "TW",
        "香港": "HK",
        "澳门": "MO",
        "澳門": "MO",
        "新加坡": "SG",
        "シンガポール": "SG",
        "싱가포르": "SG",
        "印度": "IN",
        "インド": "IN",
        "泰国": "TH",
        "泰國": "TH",
        "태국": "TH",
        "越南": "VN",
        "ベトナム": "VN",
        "베트남": "VN",
        "菲律宾": "PH",
        "フィリピン": "PH",
        "필리핀": "PH",
        "马来西亚": "MY",
        "マレーシア": "MY",
        "말레이시아": "MY",
        "德国": "DE",
        "德國": "DE",
        "ドイツ": "DE",
        "독일": "DE",
        "法国": "FR",
        "法國": "FR",
        "フランス": "FR",
        "프랑스": "FR",
        "英国": "GB",
        "英國": "GB",
        "イギリス": "GB",
        "영국": "GB",
        "意大利": "IT",
        "イタリア": "IT",
        "이탈리아": "IT",
        "西班牙": "ES",
        "スペイン": "ES",
        "스페인": "ES",
        "荷兰": "NL",
        "荷蘭": "NL",
        "オランダ": "NL",
        "네덜란드": "NL",
        "瑞士": "CH",
        "スイス": "CH",
        "스위스": "CH",
        "以色列": "IL",
        "イスラエル": "IL",
        "이스라엘": "IL",
        "波兰": "PL",
        "ポーランド": "PL",
        "瑞典": "SE",
        "スウェーデン": "SE",
        "芬兰": "FI",
        "フィンランド": "FI",
        "挪威": "NO",
        "ノルウェー": "NO",
        "丹麦": "DK",
        "デンマーク": "DK",
        "爱尔兰": "IE",
        "アイルランド": "IE",
        "葡萄牙": "PT",
        "ポルトガル": "PT",
        "奥地利": "AT",
        "オーストリア": "AT",
        "比利时": "BE",
        "ベルギー": "BE",
        "捷克": "CZ",
        "チェコ": "CZ",
        "希腊": "GR",
        "ギリシャ": "GR",
        "土耳其": "TR",
        "トルコ": "TR",
        "埃及": "EG",
        "エジプト": "EG",
        "南非": "ZA",
        "南アフリカ": "ZA",
        "新西兰": "NZ",
        "ニュージーランド": "NZ",
        "뉴질랜드": "NZ",
        "墨西哥": "MX",
        "メキシコ": "MX",
        "巴西": "BR",
        "ブラジル": "BR",
        "브라질": "BR",
        "阿根廷": "AR",
        "智利": "CL",
        "哥伦比亚": "CO",
        "秘鲁": "PE",
        # European and American languages
        "Deutschland": "DE",
        "Österreich": "AT",
        "Schweiz": "CH",
        "Suisse": "CH",
        "Svizzera": "CH",
        "España": "ES",
        "Italia": "IT",
        "Nederland": "NL",
        "Holland": "NL",
        "Belgique": "BE",
        "België": "BE",
        "Polska": "PL",
        "Sverige": "SE",
        "Norge": "NO",
        "Danmark": "DK",
        "Suomi": "FI",
        "Česko": "CZ",
        "Magyarország": "HU",
        "Türkiye": "TR",
        "Éire": "IE",
        "Brasil": "BR",
        "México": "MX",
        "Perú": "PE",
        "Korea": "KR",
        "Britain": "GB",
        "Great Britain": "GB",
        "England": "GB",
        "Scotland": "GB",
        "Wales": "GB",
        "UK": "GB",
        "Nippon": "JP",
        "Viet Nam": "VN",
    }
)

# Countries of several zones whose official time everyone means by the country's name.
COUNTRY_ZONES: Mapping[str, str] = MappingProxyType(
    {"MX": "America/Mexico_City", "BR": "America/Sao_Paulo"}
)
