"""The checklist page (a producer, or her facilitator with her) and the facilitator's table."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from catalogue.core.models import AuditEvent
from catalogue.extensions import db
from catalogue.producers.models import Producer
from catalogue.readiness import services
from catalogue.readiness.models import ReadinessAssessment
from catalogue.readiness.questions import advice_text, question_text
from tests.conftest import csrf_from, login
from tests.factories import PASSWORD, World, build_world
from tests.readiness.test_scoring import answers_for


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def _page(world: World, producer_slug: str) -> str:
    return f"/n/{world.network}/p/{producer_slug}/readiness"


def _signed_in(app: Flask, world: World, role: str) -> FlaskClient:
    client = app.test_client()
    assert login(client, world.emails[role], PASSWORD).status_code == 302
    return client


def _form(answers: list[bool], token: str) -> dict[str, str]:
    data = {f"q{n}": "yes" if a else "no" for n, a in enumerate(answers, start=1)}
    data["csrf_token"] = token
    return data


def _assessments(app: Flask, producer_slug: str) -> list[ReadinessAssessment]:
    with app.app_context():
        producer = db.session.scalar(select(Producer).where(Producer.slug == producer_slug))
        return services.history(db.session, producer)


def _record(app: Flask, producer_slug: str, answers: list[bool]) -> None:
    with app.app_context():
        producer = db.session.scalar(select(Producer).where(Producer.slug == producer_slug))
        services.record_assessment(db.session, producer, answers, actor=None)
        db.session.commit()


def test_the_producer_fills_in_her_checklist_and_sees_her_advice(app: Flask, world: World) -> None:
    client = _signed_in(app, world, "producer")
    path = _page(world, world.producer_a)
    page = client.get(path).get_data(as_text=True)
    assert question_text(1, "en") in page and question_text(44, "en") in page

    answers = answers_for(a=12, b=1, c=4, d=11, e=5, f=5)
    response = client.post(path, data=_form(answers, csrf_from(client, path)))
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    for code in ("ready_next_step", "facilitator_model_for_her", "catalogue_definitely_for_her"):
        assert advice_text(code, "en") in page

    [stored] = _assessments(app, world.producer_a)
    assert stored.answers == answers
    stored_scores = [getattr(stored, f"score_{s}") for s in "abcdef"]
    assert stored_scores == [12, 1, 4, 11, 5, 5]
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "readiness.record"))
        assert event.object_id == str(stored.id)
        assert event.network_id is not None
        assert event.actor_id is not None


def test_sections_c_d_and_f_are_shown_as_not_counted_when_a_is_six(
    app: Flask, world: World
) -> None:
    client = _signed_in(app, world, "producer")
    path = _page(world, world.producer_a)
    answers = answers_for(a=6, b=1, c=10, d=11, e=0, f=5)
    client.post(path, data=_form(answers, csrf_from(client, path)))
    page = client.get(path).get_data(as_text=True)
    assert page.count(advice_text("not_counted", "en")) == 3
    assert advice_text("likely_market_ready", "en") not in page
    assert advice_text("ready_for_growth", "en") in page


def test_history_keeps_every_checklist_newest_first(app: Flask, world: World) -> None:
    client = _signed_in(app, world, "producer")
    path = _page(world, world.producer_a)
    first, second = answers_for(a=5), answers_for(a=12, b=1)
    client.post(path, data=_form(first, csrf_from(client, path)))
    client.post(path, data=_form(second, csrf_from(client, path)))

    history = _assessments(app, world.producer_a)
    assert [a.score_a for a in history] == [12, 5]
    page = client.get(path).get_data(as_text=True)
    history_table = page.split('class="readiness-history"')[1].split("</table>")[0]
    assert history_table.count("<tr>") == 3  # header + two checklists
    assert advice_text("ready_next_step", "en") in page  # the latest result on top


def test_unanswered_questions_are_named_and_nothing_is_stored(app: Flask, world: World) -> None:
    client = _signed_in(app, world, "producer")
    path = _page(world, world.producer_a)
    data = _form(answers_for(a=12), csrf_from(client, path))
    del data["q13"], data["q40"]
    data["q41"] = "maybe"
    response = client.post(path, data=data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "3 questions have no answer yet." in page
    assert page.count("Please answer yes or no.") == 3
    assert _assessments(app, world.producer_a) == []


def test_the_checklist_is_asked_in_her_language(app: Flask, world: World) -> None:
    client = _signed_in(app, world, "producer")
    client.post(
        "/language", data={"locale": "vi", "next": "/", "csrf_token": csrf_from(client, "/")}
    )
    page = client.get(_page(world, world.producer_a)).get_data(as_text=True)
    assert question_text(13, "vi") in page
    assert question_text(13, "en") not in page


def test_a_producer_cannot_open_or_fill_in_another_producers_checklist(
    app: Flask, world: World
) -> None:
    _record(app, world.producer_b, answers_for(a=9))
    client = _signed_in(app, world, "producer")
    token = csrf_from(client, _page(world, world.producer_a))
    other = _page(world, world.producer_b)

    # "Not found", as for someone who does not exist: nothing confirms whose checklist it is.
    response = client.get(other)
    assert response.status_code == 404
    assert question_text(1, "en") not in response.get_data(as_text=True)
    response = client.post(other, data=_form(answers_for(a=12), token))
    assert response.status_code == 404
    assert [a.score_a for a in _assessments(app, world.producer_b)] == [9]
    assert _assessments(app, world.producer_a) == []


def test_an_unknown_producer_is_not_found(app: Flask, world: World) -> None:
    client = _signed_in(app, world, "facilitator")
    assert client.get(_page(world, "nobody")).status_code == 404


def test_the_facilitator_can_fill_it_in_with_her(app: Flask, world: World) -> None:
    client = _signed_in(app, world, "facilitator")
    path = _page(world, world.producer_b)
    response = client.post(path, data=_form(answers_for(a=8), csrf_from(client, path)))
    assert response.status_code == 302
    [stored] = _assessments(app, world.producer_b)
    with app.app_context():
        assert stored.taken_by_id is not None
        assert stored.score_a == 8


def test_the_facilitators_table_filters_by_advice(app: Flask, world: World) -> None:
    # rosa: A = 8 lets D = 6 count, so the catalogue model is for her; carmen: A = 5.
    _record(app, world.producer_a, answers_for(a=3))
    _record(app, world.producer_a, answers_for(a=8, b=1, d=6))
    _record(app, world.producer_b, answers_for(a=5, d=11))
    with app.app_context():
        extra = Producer(
            network_id=db.session.scalar(select(Producer.network_id).limit(1)),
            slug="lucia",
            display_name="Taller lucia",
            region="Elqui",
            economy="CL",
        )
        db.session.add(extra)
        db.session.commit()
    client = _signed_in(app, world, "facilitator")
    path = f"/n/{world.network}/readiness"

    everyone = client.get(path).get_data(as_text=True)
    assert all(name in everyone for name in ("Taller rosa", "Taller carmen", "Taller lucia"))
    assert "not yet" in everyone

    def listed(advice: str) -> set[str]:
        response = client.get(path, query_string={"advice": advice})
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        return {n for n in ("Taller rosa", "Taller carmen", "Taller lucia") if n in page}

    assert listed("catalogue_model_for_her") == {"Taller rosa"}
    assert listed("needs_development") == {"Taller carmen"}
    assert listed("work_on_viability") == {"Taller carmen"}
    assert listed("export_ready") == set()
    assert listed("") == {"Taller rosa", "Taller carmen", "Taller lucia"}
    assert client.get(path, query_string={"advice": "nonsense"}).status_code == 400


def test_each_producers_latest_checklist_is_the_one_shown(app: Flask, world: World) -> None:
    _record(app, world.producer_a, answers_for(a=12))
    _record(app, world.producer_a, answers_for(a=2))
    with app.app_context():
        network = db.session.scalar(select(Producer).where(Producer.slug == "rosa")).network
        latest = services.latest_by_producer(db.session, network)
        assert [a.score_a for a in latest.values()] == [2]
        total = db.session.scalar(select(func.count()).select_from(ReadinessAssessment))
        assert total == 2


@pytest.mark.parametrize("role", ["buyer", "producer", "print_shop"])
def test_only_facilitators_and_admins_see_the_table(app: Flask, world: World, role: str) -> None:
    _record(app, world.producer_a, answers_for(a=12))
    client = _signed_in(app, world, role)
    response = client.get(f"/n/{world.network}/readiness")
    assert response.status_code == 403
    assert "Taller rosa" not in response.get_data(as_text=True)


def test_a_wrong_number_of_answers_is_refused_by_the_service(app: Flask, world: World) -> None:
    from catalogue.core.validation import ValidationError

    with app.app_context(), app.test_request_context():
        producer = db.session.scalar(select(Producer).where(Producer.slug == "rosa"))
        for answers in ([True] * 43, [1] * 44):
            with pytest.raises(ValidationError) as caught:
                services.record_assessment(db.session, producer, answers, actor=None)
            assert set(caught.value.errors) == {"answers"}
        assert services.history(db.session, producer) == []
