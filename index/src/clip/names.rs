//! Given names that, in English-language news, nearly always belong to one sex: what lets "she
//! said" skip a Donald and "he said" skip a Hillary when the text has not said. Names borne by
//! both (Kelly, Terry, Lindsey, Jordan, Leslie…) are in neither list, and a name in neither
//! tells nothing.

#[rustfmt::skip]
const FEMALE: &[&str] = &[
    "abigail", "adriana", "alexandria", "alice", "alicia", "alison", "allison", "amanda", "amber",
    "amy", "andrea", "angela", "angelina", "ann", "anna", "anne", "annette", "ashley", "ayanna",
    "barbara", "betsy", "betty", "beverly", "beyonce", "birgit", "bonnie", "brenda", "brigid",
    "brittany", "carly", "carmel", "carmen", "carol", "caroline", "catherine", "chelsea", "cheryl",
    "christiane", "christina", "christine", "cindy", "claire", "condoleezza", "cynthia", "debbie",
    "deborah", "debra", "deja", "denise", "diana", "diane", "dianne", "dolores", "donna", "doris",
    "dorothy", "elaine", "elena", "elise", "elizabeth", "ellen", "emily", "emma", "erin", "evelyn",
    "francoise", "gabriela", "galia", "gina", "ginny", "gloria", "grace", "gwen", "hannah",
    "heather", "heidi", "helen", "helene", "hilary", "hillary", "huma", "ilhan", "ingrid", "irene",
    "isabel", "ivana", "ivanka", "jacqueline", "jane", "janet", "janice", "jasmine", "jean",
    "jeanne", "jennie", "jennifer", "jessica", "jill", "joan", "joanne", "joni", "joy", "joyce",
    "judith", "judy", "julia", "julie", "kamala", "karen", "katherine", "kathleen", "kathy",
    "katie", "katy", "kay", "kayla", "kellyanne", "kirsten", "kristen", "kristin", "laura",
    "lauren", "linda", "lindsay", "lisa", "loretta", "lori", "louise", "lucia", "lucy",
    "madeleine", "maggie", "malia", "margaret", "maria", "marie", "marilyn", "marsha", "martha",
    "mary", "maxine", "mazie", "megan", "meghan", "megyn", "melania", "melanie", "melissa",
    "michelle", "monica", "nancy", "naomi", "natalie", "nicola", "nicole", "nikki", "olive",
    "olympia", "oprah", "pamela", "patricia", "patty", "paula", "peggy", "priscilla", "rachel",
    "rashida", "rebecca", "rebekah", "rihanna", "roberta", "rosa", "rosalynn", "ruth", "sally",
    "samantha", "sandra", "sara", "sarah", "segolene", "sharon", "shirley", "shonda", "sofia",
    "sonia", "sophia", "stacey", "stephanie", "susan", "susana", "suzanne", "tammy", "teresa",
    "theresa", "tiffany", "tina", "tulsi", "valerie", "veronica", "victoria", "virginia", "wendy",
];

#[rustfmt::skip]
const MALE: &[&str] = &[
    "aaron", "abdullah", "abraham", "adam", "ahmed", "alan", "albert", "alexander", "andre",
    "andrew", "anthony", "antonio", "ari", "arthur", "ashraf", "barack", "bashar", "beau", "ben",
    "benjamin", "bernie", "beto", "bill", "bob", "bobby", "boris", "brad", "brett", "brian",
    "bruce", "carl", "carlos", "charles", "chris", "christopher", "chuck", "corey", "cornel",
    "cory", "craig", "dan", "daniel", "david", "dennis", "dick", "dmitry", "don", "donald", "doug",
    "douglas", "dwight", "ed", "edward", "ehud", "eli", "elijah", "emmanuel", "enrique", "eric",
    "ethan", "evo", "felipe", "fidel", "francisco", "francois", "frank", "franklin", "gary",
    "george", "gerald", "giuseppe", "greg", "gregory", "hakeem", "hamid", "hans", "harold",
    "harry", "hassan", "henry", "hillel", "hosni", "howard", "hugo", "igor", "imran", "isaac",
    "ivan", "jack", "jacob", "jacques", "jake", "james", "jason", "jeb", "jeff", "jeffrey",
    "jerry", "jesse", "jim", "jimmy", "joaquin", "joe", "joel", "john", "johnny", "jonathan",
    "jorge", "jose", "joseph", "josh", "joshua", "juan", "julian", "justin", "keith", "ken",
    "kenneth", "kevin", "klaus", "kyle", "larry", "lawrence", "luigi", "luis", "luke", "lyndon",
    "manuel", "marco", "marcus", "mario", "mark", "martin", "matteo", "matthew", "michael",
    "miguel", "mike", "milton", "mitch", "mitt", "mohammed", "muhammad", "narendra", "nathan",
    "nawaz", "newt", "nicholas", "nick", "nicolas", "noah", "omar", "orrin", "patrick", "paul",
    "pedro", "peter", "phil", "philip", "pierre", "rahul", "ralph", "rand", "raul", "raymond",
    "recep", "reince", "reuven", "richard", "rick", "robert", "rodrigo", "roger", "ron", "ronald",
    "roy", "rudy", "russell", "ryan", "samuel", "saul", "scott", "sean", "sergei", "shinzo",
    "simon", "steny", "stephen", "steve", "steven", "ted", "terence", "theodore", "thomas", "tim",
    "timothy", "todd", "tom", "tony", "trey", "tyler", "vicente", "viktor", "vladimir", "walter",
    "wayne", "william", "wolfgang", "xi", "yitzhak", "zach",
];

/// `Some(true)` for a name that begins with a woman's given name, `Some(false)` for a man's.
pub(crate) fn gender_of(name: &str) -> Option<bool> {
    let first = name.split_whitespace().next()?.to_lowercase();
    if FEMALE.binary_search(&first.as_str()).is_ok() {
        Some(true)
    } else if MALE.binary_search(&first.as_str()).is_ok() {
        Some(false)
    } else {
        None
    }
}

/// A generational suffix after a surname: "Jr.", "Sr.", "III", "IV".
pub(crate) fn is_generational(w: &str) -> bool {
    matches!(
        w.trim_end_matches(','),
        "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_sorted_and_apart() {
        for list in [FEMALE, MALE] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert!(FEMALE.iter().all(|f| !MALE.contains(f)));
    }

    #[test]
    fn a_given_name_tells_the_gender_and_others_tell_nothing() {
        assert_eq!(gender_of("Hillary Clinton"), Some(true));
        assert_eq!(gender_of("Donald Trump"), Some(false));
        assert_eq!(gender_of("Terry Strada"), None);
        assert_eq!(gender_of("Clinton"), None);
    }
}
