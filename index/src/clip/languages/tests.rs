//! The readers of `clip::languages`, language by language.

use super::*;

fn read(code: &str, text: &str) -> Vec<(Option<String>, Option<String>, Option<String>)> {
    let mut quotations = super::super::quotes::find(text).0;
    attribute(text, &mut quotations, code, true)
        .into_iter()
        .map(|a| {
            let a = a.unwrap_or_default();
            (a.speaker, a.title, a.mention)
        })
        .collect()
}

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

#[test]
fn every_language_reads_its_commonest_shapes() {
    assert_eq!(
        read(
            "fr",
            "« Nous sommes en guerre », a déclaré le président Emmanuel Macron. « Nous gagnerons », a-t-il ajouté."
        ),
        vec![
            (s("Emmanuel Macron"), s("président"), None),
            (s("Emmanuel Macron"), s("président"), s("il"))
        ]
    );
    assert_eq!(
        read(
            "es",
            "«Es un día triste», dijo el ministro de Sanidad Salvador Illa."
        ),
        vec![(s("Salvador Illa"), s("ministro de Sanidad"), None)]
    );
    assert_eq!(
        read(
            "de",
            "Bundeskanzler Olaf Scholz sagte: „Wir stehen an eurer Seite.“ „Das ist klar“, sagte der Sprecher."
        ),
        vec![
            (s("Olaf Scholz"), s("Bundeskanzler"), None),
            (None, None, s("Sprecher"))
        ]
    );
    assert_eq!(
        read(
            "cs",
            "\"Žil jsem v ústraní,\" řekl Hons. \"Bylo to krásné,\" poznamenal."
        ),
        vec![(s("Hons"), None, None), (s("Hons"), None, s("poznamenal"))]
    );
    assert_eq!(
        read(
            "ru",
            "«Это наш ответ», — заявил министр обороны Сергей Шойгу."
        ),
        vec![(s("Сергей Шойгу"), s("министр обороны"), None)]
    );
    assert_eq!(
        read("it", "Secondo Mario Draghi, «la crisi è finita»."),
        vec![(s("Mario Draghi"), None, None)]
    );
}

#[test]
fn every_language_builds_its_readers() {
    // (A pattern past the regex crate's size limit would panic only when an article in
    // that language is first read.)
    for lang in LANGUAGES.iter() {
        readers(lang);
    }
}

#[test]
fn every_language_is_read_from_its_profile_with_phrases_whole() {
    for code in CODES {
        let (lang, _) = language(code).expect("a profile for each language");
        assert!(!lang.cues.is_empty() && !lang.pronouns.is_empty(), "{code}");
    }
    // ("_" joins a phrase's words in the file.)
    let (es, _) = language("es").unwrap();
    assert!(es.according.split('|').any(|a| a == "de acuerdo con"));
    let (fr, _) = language("fr").unwrap();
    assert!(fr.cues.split('|').any(|c| c == "a déclaré"));
    assert!(!fr.cues.contains('_'));
    assert!(super::super::german::is_german_title(
        "Bundesfinanzminister"
    ));
}

/// (a, b) of each quotation: speaker, title, organization (clipping reads roles).
fn roles(code: &str, text: &str) -> Vec<(Option<String>, Option<String>, Option<String>)> {
    let mut quotations = super::super::quotes::find(text).0;
    attribute(text, &mut quotations, code, true)
        .into_iter()
        .map(|a| {
            let a = a.unwrap_or_default();
            (a.speaker, a.title, a.organization)
        })
        .collect()
}

#[test]
fn roles_come_from_the_name_the_narration_and_the_words_around_them() {
    // What the name is of after it, and a surname resolved with the role the narration
    // gave the full name.
    assert_eq!(
        roles(
            "nl",
            "Woordvoerder Kees Bos van Rijkswaterstaat Noord sprak van een tegenvaller. \
             \"We gaan het opnieuw bekijken\", zei Bos."
        ),
        vec![(s("Kees Bos"), s("woordvoerder"), s("Rijkswaterstaat Noord"))]
    );
    // An organization's genitive before the title, after the verb.
    assert_eq!(
        roles(
            "sv",
            "\"Vi bygger vidare\", säger Granitverkens presschef Olle Dahl."
        ),
        vec![(s("Olle Dahl"), s("presschef"), s("Granitverken"))]
    );
    // A definite title opening the sentence, and the pronoun after it.
    assert_eq!(
        roles(
            "da",
            "Træneren Ole Sand fra Aalborg Håndbold var tilfreds. \"Vi spillede godt\", sagde han."
        ),
        vec![(s("Ole Sand"), s("træner"), s("Aalborg Håndbold"))]
    );
    // A compound of an organization and a title, and "the minister" taken as the person
    // named with that title.
    assert_eq!(
        roles(
            "nl",
            "Minister Anke Vos van Financiën kwam later. \"Dit kost te veel\", zei VVD-kamerlid \
             Rik Ouwens. \"Wij betalen mee\", zei de minister."
        ),
        vec![
            (s("Rik Ouwens"), s("kamerlid"), s("VVD")),
            (s("Anke Vos"), s("minister van Financiën"), None)
        ]
    );
}

#[test]
fn where_of_is_a_case_the_body_stands_between_title_and_name() {
    assert_eq!(
        roles(
            "pl",
            "„Nie planujemy zwolnień” - powiedział prezes spółki Mleczna Dolina Adam Lis."
        ),
        vec![(s("Adam Lis"), s("prezes"), s("Mleczna Dolina"))]
    );
    assert_eq!(
        roles(
            "cs",
            "\"Ceny porostou,\" řekl ředitel Jihočeské mlékárny Karel Vondra."
        ),
        vec![(s("Karel Vondra"), s("ředitel"), s("Jihočeské mlékárny"))]
    );
    // (The name in marks is the body's, not a quotation.)
    let text = "«Мы откроем завод», — сказал директор компании «Луч» Олег Титов.";
    let mut quotations = super::super::quotes::find(text).0;
    quotations.retain(|q| !super::super::names_a_thing(text, q));
    let read: Vec<_> = attribute(text, &mut quotations, "ru", true)
        .into_iter()
        .map(|a| {
            let a = a.unwrap_or_default();
            (a.speaker, a.title, a.organization)
        })
        .collect();
    assert_eq!(read, vec![(s("Олег Титов"), s("директор"), s("Луч"))]);
}

#[test]
fn an_appositive_may_say_only_what_the_person_is_of() {
    assert_eq!(
        roles(
            "pt",
            "A médica Rita Sousa, do Hospital de Santa Maria, alertou para o frio. \
             \"As urgências estão cheias\", disse ela."
        ),
        vec![(s("Rita Sousa"), s("médica"), s("Hospital de Santa Maria"))]
    );
}

#[test]
fn what_is_no_attribution_gives_none() {
    // A verb after a preposition's object is not read as a title; nothing read at all is None.
    assert_eq!(
        read(
            "cs",
            "\"Hráli jsme dobře,\" skromně poznamenal po zápase Slabý."
        ),
        vec![(s("Slabý"), None, None)]
    );
    assert_eq!(
        attribute(
            "Il a parlé de « la crise ».",
            &mut super::super::quotes::find("Il a parlé de « la crise ».").0,
            "fr",
            true
        ),
        vec![None]
    );
    // An attribution inside the marks, between dashes, leaves the quotation's words.
    let text = "«Траншею копали сами, — говорит Апраушев, — наплевал я на запреты».";
    let mut quotations = super::super::quotes::find(text).0;
    let inside = attribute(text, &mut quotations, "ru", true);
    assert_eq!(
        inside[0].as_ref().and_then(|a| a.speaker.as_deref()),
        Some("Апраушев")
    );
    assert_eq!(
        quotations[0].text,
        "Траншею копали сами, наплевал я на запреты"
    );
    assert_eq!(
        read(
            "es",
            "«Es un día triste —dijo el ministro Salvador Illa— para todos nosotros». «Sí», añadió Illa."
        ),
        vec![
            (s("Salvador Illa"), s("ministro"), None),
            (s("Salvador Illa"), s("ministro"), s("Illa"))
        ]
    );
    assert_eq!(
        read(
            "fr",
            "« Nous gagnerons, a-t-il ajouté, car nous sommes unis »."
        ),
        vec![(None, None, s("il"))]
    );
    assert_eq!(
        read(
            "es",
            "«No lo sé», manifestó Castro, que al ser preguntado por la imputación sonrió. «Uno lo hace así», dijo el instructor del ‘caso Noos’."
        ),
        // (The finder alone also gives the case's name, which clipping leaves out.)
        vec![
            (s("Castro"), None, None),
            (None, None, s("instructor")),
            (None, None, None)
        ]
    );
    // "so" is a cue only before a name, right after the quotation.
    assert_eq!(
        read(
            "de",
            "„Es bleibt dabei“, so Scholz. „Wir essen Brot“ und so weiter."
        ),
        vec![(s("Scholz"), None, None), (None, None, None)]
    );
    assert!(!reads("en"));
    assert!(reads("pt-BR"));
}
